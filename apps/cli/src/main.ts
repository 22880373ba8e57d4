import { runCli } from './cli';
import { processIo } from './io';

// The `canopy` entry point: sets the exit code and lets Node finish writing output.
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`canopy: ${error?.stack ?? error}\n`);
    process.exitCode = 3;
  },
);
