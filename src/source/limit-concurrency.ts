/** Runs each task it is given with at most `limit` tasks in flight at once; waiting tasks start in submission order. */
export type ConcurrencyLimiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(limit: number): ConcurrencyLimiter {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${limit}`);
  }
  let running = 0;
  const waiting: (() => void)[] = [];

  return async (task) => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      // A finishing task hands its slot straight to the next waiting one, so `running` never overshoots.
      if (next === undefined) running -= 1;
      else next();
    }
  };
}
