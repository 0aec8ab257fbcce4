import { addWorkingDays, type HolidayCalendar, provisionalYearsIn, workingDaysBetween } from '../calendar';

/**
 * 办结时限 — a statutory time limit counted in working days on the holiday calendar. The clock starts the day after
 * acceptance (期间开始之日不计算在内), stops while the case waits for the applicant (补正/中止), and restarts the
 * day after the supplement arrives.
 */

/** A pause of the clock: from the day it stopped to the day the case resumed (null while still paused). */
export interface Pause {
  from: string;
  to: string | null;
}

export interface SlaClock {
  /** The acceptance date (YYYY-MM-DD, Asia/Shanghai). */
  startedOn: string;
  /** The limit in working days; 0 means 即办, due the same day. */
  limitDays: number;
  pauses: readonly Pause[];
}

export type SlaState = 'on_track' | 'warning' | 'overdue' | 'paused';

export interface SlaStatus {
  state: SlaState;
  /** Working days used on `today`, paused days excluded. */
  usedDays: number;
  /** limitDays - usedDays; negative once overdue. */
  remainingDays: number;
  /** The last day to finish, given the pauses so far; null while paused (it moves until the case resumes). */
  dueOn: string | null;
  /** The day the warning starts (80 % of the limit used), with the pauses so far; null while paused. */
  warnOn: string | null;
  /**
   * True when the count up to the due date (while paused: up to today) runs through a provisional year, whose
   * 调休 days are not yet known: the date may move once that year's State Council notice is added.
   */
  dueDateProvisional: boolean;
}

/** A case warns once this share of its limit is used (预警). */
export const WARNING_SHARE = 0.8;

/** Working days used by the end of the warning day: the first whole day at or beyond 80 % of the limit. */
export const warningDay = (limitDays: number): number => Math.ceil(limitDays * WARNING_SHARE);

/** Working days the pauses covered up to `today` (each pause: the days after it began, up to the day it ended). */
export function pausedDays(calendar: HolidayCalendar, pauses: readonly Pause[], today: string): number {
  let total = 0;
  for (const pause of pauses) {
    const end = pause.to === null || pause.to > today ? today : pause.to;
    if (end > pause.from) total += workingDaysBetween(calendar, pause.from, end);
  }
  return total;
}

/**
 * Where a case's clock stands on `today`. Pure; throws CalendarYearMissingError when a date it needs lies in a year
 * without holiday data (the caller turns that into a 422); a provisional year answers, and sets dueDateProvisional.
 * @example slaStatus(cal, { startedOn: '2026-09-28', limitDays: 5, pauses: [] }, '2026-10-08')
 *   // 9-30 and 10-08 are working days after 9-28 … { state: 'on_track', usedDays: 3, dueOn: '2026-10-10', … }
 */
export function slaStatus(calendar: HolidayCalendar, clock: SlaClock, today: string): SlaStatus {
  const paused = pausedDays(calendar, clock.pauses, today);
  const usedDays =
    today <= clock.startedOn ? 0 : workingDaysBetween(calendar, clock.startedOn, today) - paused;
  const remainingDays = clock.limitDays - usedDays;
  const pausedNow = clock.pauses.some((pause) => pause.to === null);
  const provisionalUntil = (last: string) => provisionalYearsIn(calendar, clock.startedOn, last).length > 0;
  if (pausedNow)
    return {
      state: 'paused',
      usedDays,
      remainingDays,
      dueOn: null,
      warnOn: null,
      dueDateProvisional: provisionalUntil(today),
    };
  const dueOn = addWorkingDays(calendar, clock.startedOn, clock.limitDays + paused);
  const warnOn = addWorkingDays(calendar, clock.startedOn, warningDay(clock.limitDays) + paused);
  const state: SlaState =
    today > dueOn ? 'overdue' : usedDays >= warningDay(clock.limitDays) ? 'warning' : 'on_track';
  return { state, usedDays, remainingDays, dueOn, warnOn, dueDateProvisional: provisionalUntil(dueOn) };
}
