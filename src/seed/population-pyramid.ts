import { fromDayNumber, toDayNumber } from '../kernel/calendar';
import { type Random, WeightedPicker } from './random';

/**
 * The age and sex structure of the synthetic population: 5-year bands, per cent of all residents.
 * [assume] Shaped like Zhejiang's 2020 census (0-14: 13.45 %, 15-59: 67.86 %, 60+: 18.70 % [src: Zhejiang
 * 7th census bulletin]) but older, as Quzhou's registered population is (working-age people leave for
 * Hangzhou and Ningbo while staying registered at home): here 0-14 ≈ 14.6 %, 15-59 ≈ 64 %, 60+ ≈ 21 %,
 * men ≈ 51.5 %. Bands: [lowest age, highest age, male %, female %]; the last band closes at 100.
 */
export const AGE_BANDS: readonly (readonly [number, number, number, number])[] = [
  [0, 4, 2.4, 2.2],
  [5, 9, 2.8, 2.5],
  [10, 14, 2.5, 2.2],
  [15, 19, 2.3, 2.0],
  [20, 24, 2.7, 2.4],
  [25, 29, 3.6, 3.2],
  [30, 34, 4.4, 3.9],
  [35, 39, 3.9, 3.5],
  [40, 44, 3.7, 3.4],
  [45, 49, 4.4, 4.1],
  [50, 54, 4.6, 4.4],
  [55, 59, 3.9, 3.8],
  [60, 64, 3.0, 3.0],
  [65, 69, 2.9, 2.9],
  [70, 74, 2.0, 2.0],
  [75, 79, 1.2, 1.3],
  [80, 84, 0.75, 0.95],
  [85, 89, 0.35, 0.55],
  [90, 94, 0.1, 0.2],
  [95, 100, 0.02, 0.05],
];

/** One draw from the pyramid: sex and birth date as a day number (days since 1970-01-01). */
export interface DrawnPerson {
  male: boolean;
  birthDay: number;
}

const DAYS_PER_YEAR = 365.2425;

interface Band {
  male: boolean;
  low: number;
  high: number;
}

/**
 * Draws sexes and birth dates from `AGE_BANDS` as of `asOf` ('YYYY-MM-DD'), so that everyone's age on that
 * date lies in its band. Birth dates are formatted through a table built once per pyramid (cheap at 2.57M draws).
 */
export class PopulationPyramid {
  readonly asOf: string;
  /** Day number of the as-of date. */
  readonly asOfDay: number;
  private readonly bands: WeightedPicker<Band>;
  /** Index = asOfDay - birthDay ("days back"). */
  private readonly dates: string[];
  private readonly years: Uint16Array;
  private readonly ages: Uint8Array;

  constructor(asOf: string, bands = AGE_BANDS) {
    this.asOf = asOf;
    this.asOfDay = toDayNumber(asOf);
    this.bands = new WeightedPicker<Band>(
      bands.flatMap(([low, high, male, female]): [Band, number][] => [
        [{ male: true, low, high }, male],
        [{ male: false, low, high }, female],
      ]),
    );
    const span = Math.ceil(101 * DAYS_PER_YEAR) + 2;
    this.dates = Array.from({ length: span }, (_, back) => fromDayNumber(this.asOfDay - back));
    this.years = Uint16Array.from(this.dates, (date) => Number(date.slice(0, 4)));
    this.ages = Uint8Array.from(this.dates, (date) => completedYears(asOf, date));
  }

  /** Days between the birth date and the as-of date of someone drawn: 0 = born on the as-of date. */
  get span(): number {
    return this.dates.length;
  }

  draw(random: Random): DrawnPerson {
    const band = this.bands.pick(random);
    return { male: band.male, birthDay: this.asOfDay - this.daysBack(random, band.low, band.high) };
  }

  /**
   * The same draw as `draw`, as one small integer: 2 × days before the as-of date, + 1 for a man. Allocates
   * nothing, for the millions of draws of a city.
   */
  drawCode(random: Random): number {
    const band = this.bands.pick(random);
    return 2 * this.daysBack(random, band.low, band.high) + (band.male ? 1 : 0);
  }

  /** Age in completed years of the person behind a code from `drawCode`. */
  ageOfCode(code: number): number {
    return this.ages[code >> 1]!;
  }

  /** Draws an adult (18 or over): used for heads of household. */
  drawAdult(random: Random): DrawnPerson {
    for (;;) {
      const person = this.draw(random);
      if (this.ageOf(person.birthDay) >= 18) return person;
    }
  }

  /** Completed years of age on the as-of date. */
  ageOf(birthDay: number): number {
    return this.ages[this.asOfDay - birthDay] ?? completedYears(this.asOf, this.dateOf(birthDay));
  }

  dateOf(birthDay: number): string {
    return this.dates[this.asOfDay - birthDay] ?? fromDayNumber(birthDay);
  }

  yearOf(birthDay: number): number {
    return this.years[this.asOfDay - birthDay] ?? Number(fromDayNumber(birthDay).slice(0, 4));
  }

  // Someone aged `low`..`high` was born between (high + 1) years and `low` years before the as-of date;
  // the margin of a day keeps calendar rounding from pushing an age across the band's edge.
  private daysBack(random: Random, low: number, high: number): number {
    const from = Math.ceil(low * DAYS_PER_YEAR) + 1;
    const to = Math.floor((high + 1) * DAYS_PER_YEAR) - 2;
    return low === 0 ? random.int(to + 1) : from + random.int(to - from + 1);
  }
}

/** Age in completed years on `on` of someone born on `birthDate` (both 'YYYY-MM-DD'). */
export function completedYears(on: string, birthDate: string): number {
  const age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? age - 1 : age;
}
