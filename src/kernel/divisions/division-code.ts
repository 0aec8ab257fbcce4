/**
 * Division codes (GB/T 2260, NBS statistical codes): 6 digits for province/city/county (trailing 00 pairs mark
 * the higher levels: 330000 Zhejiang, 330800 Quzhou, 330822 常山县), 9 for townships, 12 for villages.
 */
export type DivisionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

/** The significant prefix of a code: 330800 -> 3308, 330822 -> 330822, 330822101 -> 330822101. */
export function divisionPrefix(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function divisionLevel(code: string): DivisionLevel {
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'township';
  const prefix = divisionPrefix(code);
  return prefix.length === 2 ? 'province' : prefix.length === 4 ? 'city' : 'county';
}

/** True when `code` lies inside (or is) `ancestor`: divisionContains('330800', '330822101') === true. */
export function divisionContains(ancestor: string, code: string): boolean {
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(ancestor) || !/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) return false;
  return code.startsWith(divisionPrefix(ancestor)) && code.length >= ancestor.length;
}

/**
 * The codes inside `code` as a half-open range of text, for an indexed `where column >= from and column < to`:
 * divisionCodeRange('330800') = { from: '3308', to: '3309' }. Digits only, so no collation can reorder it.
 */
export function divisionCodeRange(code: string): { from: string; to: string } {
  const from = divisionPrefix(code);
  const next = (BigInt(from) + 1n).toString().padStart(from.length, '0');
  return { from, to: next };
}
