import { describe, expect, it } from 'vitest';
import type { Farm } from '../registry';
import { closeFarms } from './farm-close';
import { loadFactorLibrary, loadLabelThresholds } from './load-factors';

const farm = (id: number, divisionCode: string): Farm => ({
  id,
  name: `farm ${id}`,
  operatorType: 'resident',
  operatorId: 'x',
  divisionCode,
  mainProduct: '水稻',
  areaMu: 50,
});
const options = { year: 2025, period: '2025-12', runId: 'run-1', final: true };

describe('closing the farms of a year', () => {
  it('closes farms with inputs, counts those without, and totals by county and label', () => {
    const { rows, summary } = closeFarms(
      [farm(1, '330822104201'), farm(2, '330822104202'), farm(3, '330881100201'), farm(4, '330881100202')],
      new Map([
        [1, { nitrogenFertilizerKgN: 500 }],
        [2, { sinks: { forestMu: 40 } }],
        [3, { electricityKWh: 1_000, sinks: { forestMu: 50 } }],
      ]),
      loadFactorLibrary(),
      loadLabelThresholds().farmNeutrality,
      options,
      '2026-01-05T00:00:00.000Z',
    );
    expect(rows.map((r) => [r.farm_id, r.county_code, r.label, r.final, r.run_id])).toEqual([
      [1, '330822', '减排中', 1, 'run-1'],
      [2, '330822', '碳中和', 1, 'run-1'],
      [3, '330881', '碳中和', 1, 'run-1'],
    ]);
    expect(rows[1]).toMatchObject({ emissions_grams: 0, sinks_grams: 12_000_000, net_grams: -12_000_000 });
    expect(summary).toMatchObject({ year: 2025, farms: 3, withoutInputs: 1, failed: [] });
    expect(summary.labels).toEqual({ 碳中和: 2, 近零: 0, 减排中: 1 });
    expect(summary.byCounty.map((c) => [c.countyCode, c.farms, c.netGrams])).toEqual([
      ['330822', 2, rows[0]!.net_grams + rows[1]!.net_grams],
      ['330881', 1, rows[2]!.net_grams],
    ]);
    expect(JSON.parse(rows[0]!.account).factorIds).toContain('ipcc-n-ef1-2019');
  });
});
