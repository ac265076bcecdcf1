#!/usr/bin/env node
import { main } from './cli/main';

// A reader that stops early (`fleetkit demo | head`) closes the pipe: the rest of the output has nowhere to go, which
// is no failure of the command. Node would otherwise throw EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
