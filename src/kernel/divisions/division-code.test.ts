import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionContains, divisionLevel, divisionPrefix } from './division-code';

describe('division codes', () => {
  it('knows the levels', () => {
    expect(divisionLevel('330000')).toBe('province');
    expect(divisionLevel('330800')).toBe('city');
    expect(divisionLevel('330822')).toBe('county');
    expect(divisionLevel('330822101')).toBe('township');
    expect(divisionLevel('330822101201')).toBe('village');
    expect(divisionPrefix('330800')).toBe('3308');
  });

  it('a city contains its counties, townships and villages; a county contains only its own', () => {
    expect(divisionContains('330800', '330822')).toBe(true);
    expect(divisionContains('330800', '330822101201')).toBe(true);
    expect(divisionContains('330822', '330822101')).toBe(true);
    expect(divisionContains('330822', '330824101')).toBe(false);
    expect(divisionContains('330822', '330800')).toBe(false);
    expect(divisionContains('330800', '341000')).toBe(false);
    expect(divisionContains('330822101', '330822')).toBe(false);
    expect(divisionContains('330822', 'x')).toBe(false);
  });

  it('containment is reflexive and transitive along generated chains', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[1-9]{${n}}$`));
    fc.assert(
      fc.property(digits(2), digits(2), digits(2), digits(3), digits(3), (p, c, k, t, v) => {
        const chain = [`${p}0000`, `${p}${c}00`, `${p}${c}${k}`, `${p}${c}${k}${t}`, `${p}${c}${k}${t}${v}`];
        for (let i = 0; i < chain.length; i++) {
          for (let j = 0; j < chain.length; j++) {
            expect(divisionContains(chain[i]!, chain[j]!)).toBe(i <= j);
          }
        }
      }),
    );
  });
});
