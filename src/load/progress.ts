/** What the loader reports as it goes. */
export type LoadEvent =
  | { type: 'listed'; objects: number; runs: number; runsToLoad: number; files: number; bytes: number }
  | { type: 'file-fetched'; bytes: number }
  | { type: 'run-loaded'; runKey: string; rows: number; files: number; reloaded: boolean }
  | { type: 'run-failed'; runKey: string; message: string }
  /** A batch of a stream's archive objects (security events) added. */
  | { type: 'stream-loaded'; stream: string; objects: number; delivered: number; added: number };

export interface ProgressReporter {
  (event: LoadEvent): void;
  finish(): void;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** A progress bar on a terminal, plain lines otherwise, nothing when quiet. Writes to `out` (stderr). */
export function progressReporter(out: NodeJS.WriteStream, mode: 'auto' | 'quiet'): ProgressReporter {
  const tty = mode === 'auto' && out.isTTY === true;
  let total = { files: 0, bytes: 0, runs: 0 };
  let done = { files: 0, bytes: 0, runs: 0, rows: 0, failed: 0 };
  let lastDraw = 0;

  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const share = total.bytes === 0 ? 1 : Math.min(1, done.bytes / total.bytes);
    const width = 24;
    const filled = Math.round(share * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const failed = done.failed > 0 ? `, ${done.failed} failed` : '';
    out.write(
      `\r${bar} runs ${done.runs}/${total.runs}${failed} · files ${done.files}/${total.files} · ` +
        `${formatBytes(done.bytes)}/${formatBytes(total.bytes)} · ${done.rows.toLocaleString('en-US')} rows\x1b[K`,
    );
  };

  const report = ((event: LoadEvent) => {
    if (mode === 'quiet') return;
    switch (event.type) {
      case 'listed':
        total = { files: event.files, bytes: event.bytes, runs: event.runsToLoad };
        done = { files: 0, bytes: 0, runs: 0, rows: 0, failed: 0 };
        if (!tty) {
          out.write(`listed ${event.objects} objects: ${event.runs} runs, ${event.runsToLoad} to load (${event.files} files, ${formatBytes(event.bytes)})\n`);
        }
        break;
      case 'file-fetched':
        done.files++;
        done.bytes += event.bytes;
        break;
      case 'run-loaded':
        done.runs++;
        done.rows += event.rows;
        if (!tty) out.write(`${event.reloaded ? 'reloaded' : 'loaded'} ${event.runKey}: ${event.files} files, ${event.rows} rows\n`);
        break;
      case 'stream-loaded':
        if (!tty) out.write(`loaded ${event.objects} ${event.stream} objects: ${event.delivered} delivered, ${event.added} new\n`);
        break;
      case 'run-failed':
        done.runs++;
        done.failed++;
        if (tty) out.write('\r\x1b[K');
        out.write(`failed ${event.runKey}: ${event.message}\n`);
        break;
    }
    if (tty) draw(event.type !== 'file-fetched');
  }) as ProgressReporter;
  report.finish = () => {
    if (tty && total.runs > 0) {
      draw(true);
      out.write('\n');
    }
  };
  return report;
}

export { formatBytes };
