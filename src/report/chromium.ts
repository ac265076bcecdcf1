import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../config';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs `use` with a page of a headless Chromium started with a fresh profile, which is removed afterwards. Every
 * request for anything but a `file:` URL is refused, so a page can only show what it holds.
 */
export async function withChromiumPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'fleetkit-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: chromiumArgs,
    });
    try {
      await context.route('**/*', (route) =>
        route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = context.pages()[0] ?? (await context.newPage());
      return await use(page);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
