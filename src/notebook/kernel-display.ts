import { createRequire } from 'node:module';

/** The part of tslab's `display` that show() uses: one MIME type per call. */
export interface KernelDisplay {
  html(html: string): void;
  svg(svg: string): void;
}

/**
 * tslab's display when this process is a tslab kernel running a cell, else undefined. The kernel's own copy of
 * tslab is the one wired to Jupyter, so it is looked up from the kernel's entry point first (a global tslab
 * install), then from fleetkit's own dependencies.
 */
export function kernelDisplay(): KernelDisplay | undefined {
  if (!('__tslab__' in globalThis)) return undefined;
  const requirers = [require.main?.filename, __filename].flatMap((file) => (file ? [createRequire(file)] : []));
  for (const requireFrom of requirers) {
    try {
      return (requireFrom('tslab') as { display: KernelDisplay }).display;
    } catch {
      continue;
    }
  }
  return undefined;
}
