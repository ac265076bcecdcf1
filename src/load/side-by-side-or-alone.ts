/**
 * Runs tasks side by side, except those that ask to run alone: such a task starts once every task before it has
 * finished, and none starts beside it. Tasks start in the order they ask, so one waiting to run alone is not passed
 * by those that ask after it.
 */
export type SideBySideOrAlone = <T>(alone: boolean, task: () => Promise<T>) => Promise<T>;

export function sideBySideOrAlone(): SideBySideOrAlone {
  let running = 0;
  let aloneRunning = false;
  const waiting: { alone: boolean; start: () => void }[] = [];
  const startWhatMay = () => {
    while (waiting.length > 0 && !aloneRunning && !(waiting[0].alone && running > 0)) {
      const next = waiting.shift()!;
      running += 1;
      aloneRunning = next.alone;
      next.start();
    }
  };
  return async (alone, task) => {
    await new Promise<void>((start) => {
      waiting.push({ alone, start });
      startWhatMay();
    });
    try {
      return await task();
    } finally {
      running -= 1;
      if (alone) aloneRunning = false;
      startWhatMay();
    }
  };
}
