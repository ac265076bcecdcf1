import type { Command } from './command';

/**
 * Every command, by name, with the line `fleetkit --help` shows. A command's module (and what it needs: the S3
 * client, the chart renderer, the report) is loaded only when it runs, so that a command starts without the others'.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'load', summary: 'load AppFlow exports from S3 or a folder into the store', load: async () => (await import('./load-command.js')).loadCommand },
  { name: 'query', summary: 'run SQL or a named query against the store', load: async () => (await import('./query-command.js')).queryCommand },
  { name: 'chart', summary: 'draw a chart from the store (svg, png, html, vl.json)', load: async () => (await import('./chart-command.js')).chartCommand },
  { name: 'report', summary: 'the quarterly compliance report with evidence (html, pdf)', load: async () => (await import('./report-command.js')).reportCommand },
  { name: 'prune', summary: 'remove old security and system events, or set how long they are kept', load: async () => (await import('./prune-command.js')).pruneCommand },
  { name: 'demo', summary: 'the bundled sample data, end to end', load: async () => (await import('./demo-command.js')).demoCommand },
  { name: 'sample-data', summary: 'write a generated fleet in AppFlow layout (for trying and benchmarking)', load: async () => (await import('./sample-data-command.js')).sampleDataCommand },
];
