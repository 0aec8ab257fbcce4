import type { Division } from './divisions';

/** Quzhou's administrative villages (行政村) [src: DOMAIN.md]. */
export const QUZHOU_VILLAGE_COUNT = 1482;

// [assume] a town (镇) holds 1.3 times the villages of a township (乡); streets hold communities, not villages.
const WEIGHT = { town: 1.3, township: 1 } as const;

const FIRST = [
  '东',
  '西',
  '南',
  '北',
  '上',
  '下',
  '石',
  '溪',
  '大',
  '小',
  '新',
  '青',
  '白',
  '黄',
  '金',
  '龙',
  '塘',
  '桥',
  '山',
  '林',
];
const SECOND = [
  '坞',
  '源',
  '岭',
  '口',
  '田',
  '坑',
  '头',
  '畈',
  '湾',
  '塘',
  '埠',
  '岙',
  '垄',
  '洋',
  '坪',
  '溪',
  '桥',
  '底',
  '坂',
  '湖',
];

/**
 * Generates the city's 1,482 villages under its towns and townships: stable codes (township code + 201, 202, …)
 * and generated names. Pure and deterministic: the same townships always give the same villages.
 */
export function generateVillages(townships: readonly Division[], total = QUZHOU_VILLAGE_COUNT): Division[] {
  const rural = townships
    .filter((t) => t.kind === 'town' || t.kind === 'township')
    .sort((a, b) => a.code.localeCompare(b.code));
  const weights = rural.map((t) => WEIGHT[t.kind as keyof typeof WEIGHT]);
  const counts = largestRemainder(weights, total);
  const villages: Division[] = [];
  rural.forEach((township, i) => {
    const stem = township.name.replace(/(畲族乡|镇|乡)$/, '').slice(0, 2);
    const used = new Set<string>();
    for (let n = 0; n < counts[i]!; n++) {
      const code = `${township.code}${201 + n}`;
      let name = '';
      for (let salt = 0; !name || used.has(name); salt++) {
        const h = hash(`${code}:${salt}`);
        name = `${(n + salt) % 4 === 0 ? stem : ''}${FIRST[h % FIRST.length]}${SECOND[(h >>> 8) % SECOND.length]}村`;
      }
      used.add(name);
      villages.push({
        code,
        name,
        level: 'village',
        kind: 'village',
        parentCode: township.code,
        synthetic: true,
      });
    }
  });
  return villages;
}

/** Splits `total` in proportion to `weights` in whole numbers that add up exactly (Hamilton's method). */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}

/** FNV-1a: a small stable hash so names do not change between runs or machines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
