import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests StrykerJS runs (`npm run test:mutation`): those that exercise src/source, src/load, src/store and the
 * report's HTML escaping in-process. Tests that reach the code only through the built CLI cannot kill a mutant of
 * src/, and the model and query tests take a minute to set up per run, so they are left out.
 */
export default defineConfig({
  test: {
    // Spread, not merged: vitest's mergeConfig would add these to the base's include of every test.
    ...base.test,
    include: [
      'test/layout.test.ts',
      'test/snapshot-time.test.ts',
      'test/s3-source.test.ts',
      'test/format-sniffing.test.ts',
      'test/locate-error.test.ts',
      'test/progress.test.ts',
      'test/load-folder.test.ts',
      'test/load-discovery.test.ts',
      'test/load-malformed.test.ts',
      'test/load-oddities.test.ts',
      'test/malformed-inputs.test.ts',
      'test/store-transaction.test.ts',
      'test/store-migration.test.ts',
      'test/store-statements.test.ts',
      'test/report-safety.test.ts',
      'test/redact-url.test.ts',
      'test/transfer-error.test.ts',
      'test/open-source.test.ts',
      'test/s3-errors.test.ts',
      'test/s3-client.test.ts',
      'test/s3-http.test.ts',
      'test/download-cache.test.ts',
      'test/folder-source.test.ts',
      'test/retry-transfer.test.ts',
      'test/query-results.test.ts',
      'test/queries-binding.test.ts',
      'test/object-catalog.test.ts',
      'test/load-batches.test.ts',
      'test/side-by-side-or-alone.test.ts',
      'test/one-thread-after-out-of-memory.test.ts',
      'test/store-space.test.ts',
      'test/events-load.test.ts',
      'test/events-prune.test.ts',
      'test/event-days.test.ts',
      'test/named-query-params.test.ts',
      'test/event-retention.test.ts',
      'test/object-definition.test.ts',
      'test/store-sharing.test.ts',
    ],
  },
});
