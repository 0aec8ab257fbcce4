import { addDays, addMonthsToDate, toDayNumber } from '../../kernel/calendar';
import type { Random } from '../../seed/random';
import { recordType } from './record-types';

/** One seeded record, in the column order of SEED_COLUMNS. */
export type SeedRow = [
  id: string,
  source: string,
  source_record_id: string,
  resident_id: string,
  division_code: string,
  type: string,
  department: string,
  quantity: number,
  occurred_on: string,
  valid_until: string,
  evidence_ref: string | null,
  status: string,
  revision: number,
  created_at: string,
  created_by: string,
  updated_at: string,
];

export const SEED_COLUMNS = [
  'id',
  'source',
  'source_record_id',
  'resident_id',
  'division_code',
  'type',
  'department',
  'quantity',
  'occurred_on',
  'valid_until',
  'evidence_ref',
  'status',
  'revision',
  'created_at',
  'created_by',
  'updated_at',
] as const;

export interface SeedResident {
  residentId: string;
  divisionCode: string;
  birthDate: string;
}

/**
 * The date arithmetic of one seed run, each answer computed once: every record's dates come from a few thousand
 * (date, months) pairs, and the calendar's checked arithmetic costs more than the rest of a record. Exactly the
 * dates `addMonthsToDate` and `addDays` give.
 */
export class SeedDates {
  private readonly back = new Map<number, string>();
  private readonly monthEnds = new Map<number, string>();
  private readonly expiries = new Map<string, string>();
  private readonly ages = new Map<string, number>();

  constructor(readonly today: string) {}

  /** `months` months and then `days` days before today. */
  before(months: number, days: number): string {
    const key = months * 1_000 + days;
    let date = this.back.get(key);
    if (date === undefined) {
      date = addDays(addMonthsToDate(this.today, -months), -days);
      this.back.set(key, date);
    }
    return date;
  }

  /** `months` after `date`: a record's expiry. */
  monthsAfter(date: string, months: number): string {
    const key = `${date}+${months}`;
    let expiry = this.expiries.get(key);
    if (expiry === undefined) {
      expiry = addMonthsToDate(date, months);
      this.expiries.set(key, expiry);
    }
    return expiry;
  }

  /** The last day of the month `back` months before this one (1: last month), as the green-life import dates it. */
  monthEnd(back: number): string {
    let date = this.monthEnds.get(back);
    if (date === undefined) {
      date = addDays(addMonthsToDate(`${this.today.slice(0, 8)}01`, 1 - back), -1);
      this.monthEnds.set(back, date);
    }
    return date;
  }

  /** Age in years today, fractional. */
  ageOf(birthDate: string): number {
    let age = this.ages.get(birthDate);
    if (age === undefined) {
      age = (toDayNumber(this.today) - toDayNumber(birthDate)) / 365.25;
      this.ages.set(birthDate, age);
    }
    return age;
  }
}

/** A fact up to `maxMonths` months (and a few days) before today, never in the future. */
function dateBack(random: Random, dates: SeedDates, maxMonths: number): string {
  const months = random.int(maxMonths);
  const day = dates.before(months, random.int(28));
  // Dates are strings: compared, not Math.min'd.
  if (day > dates.today) return dates.today;
  return day;
}

/**
 * A plausible record history for one resident [assume: rates are ours, chosen so most residents are ordinary
 * (良好), some volunteers rise above, and few have negatives]: the police's household-registration record for
 * adults, quarterly records of utilities paid on time and of social-insurance and provident-fund contributions for
 * people of working age, volunteering, blood donation and 有礼 good deeds for some, a few traffic violations,
 * utility arrears, tax arrears and dishonest-debtor listings, and the carbon account's monthly green-life records
 * for the residents who use it. About 9.5 per adult, 7.9 per resident: 20.4M records for the full-scale city
 * (2.57M), which bench/credit.ts measures.
 */
export function recordsFor(
  resident: SeedResident,
  random: Random,
  dates: SeedDates,
  createdAt: string,
): SeedRow[] {
  const rows: SeedRow[] = [];
  const today = dates.today;
  const age = dates.ageOf(resident.birthDate);
  if (age < 18) return rows;
  const county = resident.divisionCode.slice(0, 6);
  const add = (type: string, quantity: number, occurredOn: string) => {
    const t = recordType(type)!;
    const validUntil = dates.monthsAfter(occurredOn, t.validityMonths);
    if (validUntil <= today) return;
    const n = rows.length + 1;
    // Placeholders: the seed numbers records in load order (seed.ts).
    const sourceRecordId = `seed-${n}`;
    rows.push([
      `seed:${n}`,
      `${t.department}/${county}`,
      sourceRecordId,
      resident.residentId,
      resident.divisionCode,
      type,
      t.department,
      quantity,
      occurredOn,
      validUntil,
      null,
      'active',
      1,
      createdAt,
      'seed',
      createdAt,
    ]);
  };
  if (random.chance(0.96)) add('household_registration', 1, dateBack(random, dates, 100));
  const working = age < 60;
  // Quarters of the last year, newest first: each record covers three months.
  const quarters = [0, 3, 6, 9].map((back) => dates.before(back, random.int(20)));
  if (random.chance(0.72)) for (const day of quarters) add('utility_on_time', 3, day);
  if (working && random.chance(0.78)) for (const day of quarters) add('social_insurance_continuity', 3, day);
  if (working && random.chance(0.36)) for (const day of quarters) add('provident_fund_continuity', 3, day);
  if (random.chance(0.14)) {
    const sessions = random.between(1, 4);
    for (let i = 0; i < sessions; i++)
      add('volunteer_service', random.between(2, 30), dateBack(random, dates, 30));
  }
  if (age < 60 && random.chance(0.03)) add('blood_donation', 1, dateBack(random, dates, 30));
  if (random.chance(0.012)) add('youli_good_deed', 1, dateBack(random, dates, 30));
  if (random.chance(0.06)) add('skill_certificate', 1, dateBack(random, dates, 50));
  if (random.chance(0.07)) add('traffic_violation', random.between(1, 3), dateBack(random, dates, 11));
  if (random.chance(0.02)) add('utility_arrears', 1, dateBack(random, dates, 11));
  if (working && random.chance(0.004)) add('tax_arrears', 1, dateBack(random, dates, 30));
  if (random.chance(0.005)) add('court_enforcement', 1, dateBack(random, dates, 30));
  // 绿色生活: what the carbon account's monthly import (green-life.ts) records — whole kilograms CO2e reduced in a
  // closed month, dated its last day. Drawn here, not derived from the seeded behaviour events; about 3 in 10 adults
  // use the account, in about half the months of the last year.
  if (random.chance(0.3))
    for (let back = 1; back <= 12; back++)
      if (random.chance(0.5)) add('green_life', random.between(1, 25), dates.monthEnd(back));
  return rows;
}

/**
 * The demo login's resident gets a history that shows every part of the page: ordinary positives, volunteering,
 * a traffic violation and utility arrears that can be repaired (信用修复), all dated relative to today.
 */
export function demoResidentRecords(resident: SeedResident, today: string, createdAt: string): SeedRow[] {
  const county = resident.divisionCode.slice(0, 6);
  const rows: [string, number, string][] = [
    ['household_registration', 1, addMonthsToDate(today, -60)],
    ['utility_on_time', 3, addDays(today, -10)],
    ['utility_on_time', 3, addMonthsToDate(today, -3)],
    ['utility_on_time', 3, addMonthsToDate(today, -6)],
    ['social_insurance_continuity', 3, addDays(today, -12)],
    ['social_insurance_continuity', 3, addMonthsToDate(today, -3)],
    ['social_insurance_continuity', 3, addMonthsToDate(today, -6)],
    ['social_insurance_continuity', 3, addMonthsToDate(today, -9)],
    ['volunteer_service', 16, addMonthsToDate(today, -2)],
    ['volunteer_service', 8, addMonthsToDate(today, -7)],
    ['traffic_violation', 1, addMonthsToDate(today, -5)],
    ['utility_arrears', 1, addMonthsToDate(today, -4)],
  ];
  return rows.map(([type, quantity, occurredOn], i) => {
    const t = recordType(type)!;
    const n = i + 1;
    return [
      `seed:demo-${n}`,
      `${t.department}/${county}`,
      `seed-demo-${n}`,
      resident.residentId,
      resident.divisionCode,
      type,
      t.department,
      quantity,
      occurredOn,
      addMonthsToDate(occurredOn, t.validityMonths),
      `DEMO-${t.department.toUpperCase()}-${String(n).padStart(4, '0')}`,
      'active',
      1,
      createdAt,
      'seed',
      createdAt,
    ];
  });
}
