import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  CalendarYearMissingError,
  loadHolidayCalendar,
  workingDaysBetween,
} from '../calendar';
import { pausedDays, slaStatus, warningDay } from './sla';

const calendar = loadHolidayCalendar();

describe('slaStatus', () => {
  it('counts from the day after acceptance and skips the National Day holiday', () => {
    // 2026: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked.
    const clock = { startedOn: '2026-09-28', limitDays: 5, pauses: [] };
    expect(slaStatus(calendar, clock, '2026-09-28')).toEqual({
      state: 'on_track',
      usedDays: 0,
      remainingDays: 5,
      dueOn: '2026-10-10',
      warnOn: '2026-10-09',
      dueDateProvisional: false,
    });
    expect(slaStatus(calendar, clock, '2026-10-09').state).toBe('warning');
    expect(slaStatus(calendar, clock, '2026-10-10')).toMatchObject({ state: 'warning', remainingDays: 0 });
    expect(slaStatus(calendar, clock, '2026-10-11')).toMatchObject({ state: 'overdue', remainingDays: 0 });
    expect(slaStatus(calendar, clock, '2026-10-12')).toMatchObject({ state: 'overdue', remainingDays: -1 });
  });

  it('treats 即办 (0 days) as due the same day', () => {
    const clock = { startedOn: '2026-06-01', limitDays: 0, pauses: [] };
    expect(slaStatus(calendar, clock, '2026-06-01')).toMatchObject({ state: 'warning', dueOn: '2026-06-01' });
    expect(slaStatus(calendar, clock, '2026-06-02').state).toBe('overdue');
  });

  it('stops the clock while paused and moves the due date by the paused working days', () => {
    const pauses = [{ from: '2026-06-03', to: '2026-06-08' }]; // Wed → next Mon: 06-04, 06-05, 06-08 paused
    const clock = { startedOn: '2026-06-01', limitDays: 5, pauses };
    expect(pausedDays(calendar, pauses, '2026-06-30')).toBe(3);
    expect(slaStatus(calendar, clock, '2026-06-08')).toMatchObject({ usedDays: 2, dueOn: '2026-06-11' });
    const open = { ...clock, pauses: [{ from: '2026-06-03', to: null }] };
    expect(slaStatus(calendar, open, '2026-06-30')).toEqual({
      state: 'paused',
      usedDays: 2,
      remainingDays: 3,
      dueOn: null,
      warnOn: null,
      dueDateProvisional: false,
    });
  });

  it('counts into a provisional year (no notice yet) and says the due date rests on it', () => {
    // From Sunday 2026-12-20: 9 working days left in 2026, 2027-01-01 off by law, 11 more to 2027-01-18.
    const clock = { startedOn: '2026-12-20', limitDays: 20, pauses: [] };
    expect(slaStatus(calendar, clock, '2026-12-21')).toMatchObject({
      state: 'on_track',
      dueOn: '2027-01-18',
      dueDateProvisional: true,
    });
    const shortClock = { startedOn: '2026-12-01', limitDays: 5, pauses: [] };
    expect(slaStatus(calendar, shortClock, '2026-12-02')).toMatchObject({ dueDateProvisional: false });
    // Paused in 2027 (12-29..12-31 and 01-04 used): the due date is unknown, the count already provisional.
    const paused = { startedOn: '2026-12-28', limitDays: 5, pauses: [{ from: '2027-01-04', to: null }] };
    expect(slaStatus(calendar, paused, '2027-01-06')).toMatchObject({
      state: 'paused',
      usedDays: 4,
      dueDateProvisional: true,
    });
  });

  it('throws for a year without holiday data, so the caller can say which notice is missing', () => {
    const clock = { startedOn: '2036-12-20', limitDays: 20, pauses: [] };
    expect(() => slaStatus(calendar, clock, '2036-12-21')).toThrow(CalendarYearMissingError);
  });

  const day = fc.integer({ min: 0, max: 300 }).map((offset) => addDays('2025-01-02', offset));

  it('without pauses: due = limit working days on, overdue exactly after it, warning from 80 % (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 80 }),
        (start, limit, later) => {
          const today = addDays(start, later);
          const status = slaStatus(calendar, { startedOn: start, limitDays: limit, pauses: [] }, today);
          expect(status.dueOn).toBe(addWorkingDays(calendar, start, limit));
          expect(status.usedDays).toBe(workingDaysBetween(calendar, start, today));
          expect(status.state === 'overdue').toBe(today > (status.dueOn as string));
          if (status.state === 'on_track') expect(status.usedDays).toBeLessThan(warningDay(limit));
          if (status.state === 'warning') expect(status.usedDays).toBeGreaterThanOrEqual(limit * 0.8);
        },
      ),
    );
  });

  it('a closed pause shifts the due date by exactly the working days it covered (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (start, limit, pauseAfter, pauseLength) => {
          const from = addDays(start, pauseAfter);
          const to = addDays(from, pauseLength);
          const today = addDays(to, 60);
          const paused = slaStatus(
            calendar,
            { startedOn: start, limitDays: limit, pauses: [{ from, to }] },
            today,
          );
          const shift = workingDaysBetween(calendar, from, to);
          expect(paused.dueOn).toBe(addWorkingDays(calendar, start, limit + shift));
          expect(paused.usedDays).toBe(workingDaysBetween(calendar, start, today) - shift);
        },
      ),
    );
  });
});
