/** How many threads the engine runs a statement on. */
export interface EngineThreads {
  get(): Promise<number>;
  set(threads: number): Promise<void>;
}

/**
 * Works out steps in order. A step that runs out of memory (rolled back whole by its caller) is worked out again on
 * one thread, and so are the steps after it; the engine's threads are given back once the last step ends or fails.
 * A step that runs out of memory on one thread fails.
 */
export async function oneThreadAfterOutOfMemory(steps: number, workOut: (step: number) => Promise<void>, threads: EngineThreads): Promise<void> {
  let given: number | null = null;
  try {
    for (let step = 0; step < steps; step++) {
      try {
        await workOut(step);
      } catch (error) {
        if (given !== null || !(error instanceof Error) || !error.message.includes('Out of Memory Error')) throw error;
        given = await threads.get();
        await threads.set(1);
        await workOut(step);
      }
    }
  } finally {
    if (given !== null) await threads.set(given);
  }
}
