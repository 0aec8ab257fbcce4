/**
 * A seeded pseudo-random generator (sfc32, from PractRand's author): fast, 128-bit state, good statistical
 * quality, and identical on every machine, so the same seed always gives the same synthetic city.
 * Each part of the city draws from its own stream (`createRandom(seed, 'township:330822101')`), so generating
 * one part never shifts another and any part can be regenerated alone.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // Discard the first outputs: they still echo the seed words.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** A standard normal variate (Box-Muller; the second value is dropped to keep streams simple). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const swap = items[i]!;
      items[i] = items[j]!;
      items[j] = swap;
    }
    return items;
  }
}

/** The generator for one named stream of a run: `createRandom(20261129, 'enterprises')`. */
export function createRandom(seed: number, stream: string): Random {
  const key = hashString(stream);
  const low = seed >>> 0;
  const high = Math.floor(seed / 4_294_967_296) >>> 0;
  return new Random(
    splitMix(low ^ key),
    splitMix(high + 0x9e3779b9),
    splitMix(key + 0x7f4a7c15),
    low ^ 0x2545f491,
  );
}

/** FNV-1a over UTF-16 code units: a stable 32-bit key for a stream name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// One round of the splitmix32 finaliser spreads similar seeds (1, 2, 3 …) across the state.
function splitMix(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Picks items in proportion to their weights by binary search over the cumulative weights.
 * @example const surname = new WeightedPicker([['王', 7.1], ['李', 7.0]]).pick(random);
 */
export class WeightedPicker<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('WeightedPicker needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new RangeError(`weight must be >= 0, got ${weight}`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('WeightedPicker needs a positive total weight');
    this.total = sum;
  }

  /** Index of the picked entry. */
  index(random: Random): number {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  pick(random: Random): T {
    return this.items[this.index(random)]!;
  }
}

/**
 * Splits `total` in proportion to `weights` into whole numbers that add up exactly (largest remainder,
 * ties to the earlier entry).
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}
