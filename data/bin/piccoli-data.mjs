#!/usr/bin/env node
// piccoli-data: command-line tools for the programme data. Subcommands:
//   import <file.csv|file.parquet> --out <file.parquet>
//   snapshot '<piccoli-progress ...></piccoli-progress>'   (the tag pre-rendered, for pages without JavaScript)
// Each is loaded only when asked for: `import` needs the optional @duckdb/node-api,
// `snapshot` Lit's server renderer.
const COMMANDS = {
  import: () => import('../scripts/import.mjs'),
  snapshot: () => import('../scripts/snapshot.mjs'),
};

const [command, ...rest] = process.argv.slice(2);
if (Object.hasOwn(COMMANDS, command ?? '')) {
  const { main } = await COMMANDS[command]();
  process.exitCode = await main(rest);
} else {
  const usage = [
    'Usage: piccoli-data <command> [options]   (piccoli-data <command> --help for its options)',
    '',
    "  import <file.csv|file.parquet> --out <file.parquet>   check a programme's stage events and convert them",
    "  snapshot '<piccoli-progress ...></piccoli-progress>'   the tag pre-rendered, readable without JavaScript",
  ].join('\n');
  const help = command === '-h' || command === '--help';
  if (command !== undefined && !help) process.stderr.write(`piccoli-data: unknown command '${command}'\n\n`);
  (help ? process.stdout : process.stderr).write(`${usage}\n`);
  process.exitCode = help ? 0 : 2;
}
