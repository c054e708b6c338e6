#!/usr/bin/env node
// piccoli-data: command-line tools for the programme data. Subcommands:
//   import <file.csv|file.parquet> --out <file.parquet>
import { USAGE, main as importMain } from '../scripts/import.mjs';

const [command, ...rest] = process.argv.slice(2);
if (command === 'import') {
  process.exitCode = await importMain(rest);
} else if (command === undefined || command === '-h' || command === '--help') {
  process.stdout.write(`${USAGE}\n`);
  process.exitCode = command === undefined ? 2 : 0;
} else {
  process.stderr.write(`piccoli-data: unknown command '${command}'\n\n${USAGE}\n`);
  process.exitCode = 2;
}
