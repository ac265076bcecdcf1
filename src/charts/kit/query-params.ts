import type { ChartOptions } from './chart';

/** `from` and `to`, the period every monthly query takes. */
export function periodParams(options: ChartOptions): Record<string, string> {
  return {
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
}

/** The period and `silent_days` of `agent-health`. */
export function agentHealthParams(options: ChartOptions): Record<string, string | number> {
  return {
    ...periodParams(options),
    ...(options.silentDays === undefined ? {} : { silent_days: options.silentDays }),
  };
}
