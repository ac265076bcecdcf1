import { describe, expect, it } from 'vitest';
import { oneThreadAfterOutOfMemory, type EngineThreads } from '../src/store/one-thread-after-out-of-memory';

function engine(threads: number): EngineThreads & { now: () => number; settings: number[] } {
  const settings: number[] = [];
  return {
    now: () => threads,
    settings,
    get: async () => threads,
    set: async (n) => {
      settings.push(n);
      threads = n;
    },
  };
}

const outOfMemory = () => new Error('Out of Memory Error: failed to allocate data of size 64.0 MiB (476.8 MiB/488.2 MiB used)');

describe('working out steps on one thread after one runs out of memory', () => {
  it('runs every step once on the threads it has when none runs out of memory', async () => {
    const threads = engine(2);
    const ran: number[] = [];
    await oneThreadAfterOutOfMemory(4, async (step) => void ran.push(step), threads);
    expect(ran).toEqual([0, 1, 2, 3]);
    expect(threads.settings).toEqual([]);
  });

  it('works out the step that ran out of memory again, and the steps after it, on one thread, then gives the threads back', async () => {
    const threads = engine(2);
    const ran: { step: number; threads: number }[] = [];
    await oneThreadAfterOutOfMemory(5, async (step) => {
      ran.push({ step, threads: threads.now() });
      if (step === 2 && threads.now() > 1) throw outOfMemory();
    }, threads);
    expect(ran).toEqual([
      { step: 0, threads: 2 }, { step: 1, threads: 2 }, { step: 2, threads: 2 },
      { step: 2, threads: 1 }, { step: 3, threads: 1 }, { step: 4, threads: 1 },
    ]);
    expect(threads.settings).toEqual([1, 2]);
    expect(threads.now()).toBe(2);
  });

  it('fails with a step that runs out of memory on one thread too, and still gives the threads back', async () => {
    const threads = engine(3);
    const ran: number[] = [];
    await expect(oneThreadAfterOutOfMemory(4, async (step) => {
      ran.push(step);
      if (step === 1) throw outOfMemory();
    }, threads)).rejects.toThrow('Out of Memory Error');
    expect(ran).toEqual([0, 1, 1]);
    expect(threads.now()).toBe(3);
  });

  it('fails at once with any other error, on the threads it had', async () => {
    const threads = engine(2);
    const ran: number[] = [];
    await expect(oneThreadAfterOutOfMemory(4, async (step) => {
      ran.push(step);
      if (step === 1) throw new Error('Constraint Error: duplicate key');
    }, threads)).rejects.toThrow('Constraint Error');
    expect(ran).toEqual([0, 1]);
    expect(threads.settings).toEqual([]);
  });

  it('fails with a later step that runs out of memory once already on one thread', async () => {
    const threads = engine(2);
    await expect(oneThreadAfterOutOfMemory(4, async (step) => {
      if (step === 0 && threads.now() > 1) throw outOfMemory();
      if (step === 2) throw outOfMemory();
    }, threads)).rejects.toThrow('Out of Memory Error');
    expect(threads.settings).toEqual([1, 2]);
  });
});
