import { describe, expect, it } from 'vitest';
import { sideBySideOrAlone } from '../src/load/side-by-side-or-alone';

/** A task that records what ran beside it, and finishes when told. */
function tracked(name: string, log: { running: Set<string>; beside: Map<string, Set<string>> }) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    log.beside.set(name, new Set(log.running));
    for (const other of log.running) log.beside.get(other)!.add(name);
    log.running.add(name);
    await done;
    log.running.delete(name);
    return name;
  };
  return { task, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('sideBySideOrAlone', () => {
  it('runs shared tasks together, an alone task with nothing beside it, in the order they asked', async () => {
    const gate = sideBySideOrAlone();
    const log = { running: new Set<string>(), beside: new Map<string, Set<string>>() };
    const tasks = ['a', 'b', 'big', 'c', 'd'].map((name) => ({ name, ...tracked(name, log) }));
    const results = tasks.map(({ name, task }) => gate(name === 'big', task));
    await settle();
    expect([...log.running]).toEqual(['a', 'b']);
    tasks[0].finish();
    await settle();
    // c asked after big: it waits although a slot is free.
    expect([...log.running]).toEqual(['b']);
    tasks[1].finish();
    await settle();
    expect([...log.running]).toEqual(['big']);
    tasks[2].finish();
    await settle();
    expect([...log.running]).toEqual(['c', 'd']);
    tasks[3].finish();
    tasks[4].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'big', 'c', 'd']);
    expect([...log.beside.get('big')!]).toEqual([]);
    expect([...log.beside.get('c')!]).toEqual(['d']);
  });

  it('lets the next task start after one that failed', async () => {
    const gate = sideBySideOrAlone();
    const failing = gate(true, async () => {
      throw new Error('out of memory');
    });
    await expect(failing).rejects.toThrow('out of memory');
    expect(await gate(true, async () => 'next')).toBe('next');
  });
});
