import { VIEWER } from '../client/operations';
import { connectionConfig } from '../config';
import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CommandContext } from './context';

/** `canopy whoami`: who the token belongs to, with roles and teams, and which API answered. */
export async function whoamiCommand(ctx: CommandContext): Promise<number> {
  const { viewer } = await ctx.client().request('viewer', VIEWER);
  if (!viewer) throw new CliError('The API did not recognise the token.', EXIT.SERVER, { code: 'UNAUTHENTICATED' });
  const endpoint = connectionConfig(ctx.options, ctx.io.env).endpoint;
  ctx.printer.result({ endpoint, email: viewer.email, name: viewer.name, roles: viewer.roles, teams: viewer.teams.map((t) => t.key) });
  ctx.printer.line(`${viewer.name} <${viewer.email}>`);
  ctx.printer.line(`roles: ${viewer.roles.join(', ') || '-'}`);
  ctx.printer.line(`teams: ${viewer.teams.map((t) => t.key).join(', ') || '-'}`);
  ctx.printer.line(`api:   ${endpoint}`);
  return EXIT.OK;
}
