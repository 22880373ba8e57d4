import { createClient, GraphQLClient } from '../client/graphql-client';
import { connectionConfig, GlobalOptions, outputFormat } from '../config';
import type { CliIo } from '../io';
import { Printer } from '../output';

/** What every command gets: its I/O, the printer for --output, and a GraphQL client built on demand. */
export interface CommandContext {
  io: CliIo;
  printer: Printer;
  options: GlobalOptions;
  /** Resolves URL and token (usage error when missing) and returns a client. */
  client(): GraphQLClient;
}

export function commandContext(io: CliIo, options: GlobalOptions): CommandContext {
  const printer = new Printer(io, outputFormat(options));
  let client: GraphQLClient | null = null;
  return {
    io,
    printer,
    options,
    client() {
      client ??= createClient(connectionConfig(options, io.env), io.fetch);
      return client;
    },
  };
}
