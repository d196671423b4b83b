/** The one "today" every computed status uses, so a build is reproducible. */
import { calendarDateProblem } from '../schema/primitives.ts';
import type { IsoDate } from './dates.ts';

export class TodayError extends Error {}

/**
 * `KEYPLAN_TODAY` wins over the site option, which wins over the build date
 * (in UTC).
 */
export function resolveToday(configured?: string, env: Record<string, string | undefined> = process.env, now = new Date()): IsoDate {
  const fromEnv = env.KEYPLAN_TODAY?.trim();
  const chosen = fromEnv || configured;
  if (chosen) {
    const problem = calendarDateProblem(chosen);
    if (problem) {
      const source = fromEnv ? 'KEYPLAN_TODAY' : 'the keyplan({ today }) option';
      throw new TodayError(`${source}: ${problem}`);
    }
    return chosen;
  }
  return now.toISOString().slice(0, 10);
}
