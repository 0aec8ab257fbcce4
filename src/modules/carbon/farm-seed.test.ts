import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../seed/random';
import { calculateFarmAccount } from './agriculture';
import { farmAreaIssues } from './farm-limits';
import { farmSeedInput } from './farm-seed';
import { loadFactorLibrary, loadLabelThresholds } from './load-factors';

const PRODUCTS = [
  '水稻',
  '蔬菜',
  '椪柑',
  '胡柚',
  '猕猴桃',
  '茶叶',
  '油茶',
  '竹笋',
  '中药材',
  '食用菌',
  '生猪',
  '白鹅',
  '淡水鱼',
  '蜂蜜',
  '特种纸',
];

describe('seeded farm inputs', () => {
  it('are plausible for the farm’s area and give an account, whatever the product and size', () => {
    const library = loadFactorLibrary();
    const bands = loadLabelThresholds().farmNeutrality;
    fc.assert(
      fc.property(
        fc.constantFrom(...PRODUCTS),
        fc.integer({ min: 10, max: 5_000 }),
        fc.integer(),
        (product, area, seed) => {
          const farm = {
            id: 1,
            name: 'x',
            operatorType: 'resident' as const,
            operatorId: 'x',
            divisionCode: '330822104201',
            mainProduct: product,
            areaMu: area,
          };
          const input = farmSeedInput(farm, createRandom(seed, 'test'));
          expect(farmAreaIssues({ ...input, year: 2025 }, area)).toEqual([]);
          expect(calculateFarmAccount(library, { ...input, year: 2025 }, bands).ok).toBe(true);
        },
      ),
    );
  });

  it('is deterministic per farm and year stream', () => {
    const farm = {
      id: 7,
      name: 'x',
      operatorType: 'resident' as const,
      operatorId: 'x',
      divisionCode: '330822104201',
      mainProduct: '水稻',
      areaMu: 120,
    };
    expect(farmSeedInput(farm, createRandom(1, 'farm-inputs:7:2025'))).toEqual(
      farmSeedInput(farm, createRandom(1, 'farm-inputs:7:2025')),
    );
  });
});
