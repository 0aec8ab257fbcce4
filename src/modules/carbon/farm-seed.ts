import type { Progress } from '../../kernel/progress';
import { createRandom, type Random } from '../../seed/random';
import type { Farm, RegistryService } from '../registry';
import type { CarbonFarmService, FarmYearInput } from './farm-service';

/** The years the demo city's farms report: the snapshot year and the current one. */
export const SEEDED_FARM_YEARS = [2025, 2026] as const;

/**
 * [assume] Yearly inputs per mu by main product, from typical Zhejiang practice (synthetic N 5-30 kg/mu, farm
 * diesel a few kg/mu, pumping, cold storage and processing electricity). Orchards and tea get commercial organic
 * fertilizer (the province's 有机肥替代化肥 programme); camellia-oil and bamboo land counts as forest.
 */
interface Profile {
  nKgPerMu: number;
  dieselTPerMu: number;
  kWhPerMu: number;
  organicTPerMu?: number;
  forestShare?: number;
  rice?: boolean;
  swinePerMu?: number;
}

const PROFILES: Readonly<Record<string, Profile>> = {
  水稻: { nKgPerMu: 15, dieselTPerMu: 0.012, kWhPerMu: 30, rice: true },
  蔬菜: { nKgPerMu: 30, dieselTPerMu: 0.01, kWhPerMu: 80, organicTPerMu: 0.5 },
  椪柑: { nKgPerMu: 25, dieselTPerMu: 0.006, kWhPerMu: 20, organicTPerMu: 0.4 },
  胡柚: { nKgPerMu: 25, dieselTPerMu: 0.006, kWhPerMu: 20, organicTPerMu: 0.4 },
  猕猴桃: { nKgPerMu: 22, dieselTPerMu: 0.005, kWhPerMu: 40, organicTPerMu: 0.5 },
  茶叶: { nKgPerMu: 20, dieselTPerMu: 0.004, kWhPerMu: 150, organicTPerMu: 0.3 },
  油茶: { nKgPerMu: 5, dieselTPerMu: 0.002, kWhPerMu: 5, forestShare: 0.8 },
  竹笋: { nKgPerMu: 8, dieselTPerMu: 0.003, kWhPerMu: 5, forestShare: 0.9 },
  中药材: { nKgPerMu: 15, dieselTPerMu: 0.006, kWhPerMu: 20, organicTPerMu: 0.3 },
  食用菌: { nKgPerMu: 0, dieselTPerMu: 0.005, kWhPerMu: 300 },
  生猪: { nKgPerMu: 10, dieselTPerMu: 0.004, kWhPerMu: 40, swinePerMu: 15 },
  白鹅: { nKgPerMu: 5, dieselTPerMu: 0.003, kWhPerMu: 50 },
  淡水鱼: { nKgPerMu: 0, dieselTPerMu: 0.005, kWhPerMu: 200 },
  蜂蜜: { nKgPerMu: 0, dieselTPerMu: 0.001, kWhPerMu: 10, forestShare: 0.5 },
};
/** Cooperatives' bases grow whatever their trade says; treat the unknown ones as mixed cropping. */
const MIXED: Profile = { nKgPerMu: 18, dieselTPerMu: 0.008, kWhPerMu: 40, organicTPerMu: 0.2 };

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Plausible inputs for one farm and year; ±20 % around the product's profile, deterministic per farm and year. */
export function farmSeedInput(farm: Farm, random: Random): FarmYearInput {
  const p = PROFILES[farm.mainProduct] ?? MIXED;
  const area = farm.areaMu;
  const vary = () => random.between(0.8, 1.2);
  const input: FarmYearInput = {
    electricityKWh: Math.round(area * p.kWhPerMu * vary()),
    dieselTonnes: round(area * p.dieselTPerMu * vary(), 3),
  };
  if (p.nKgPerMu > 0) input.nitrogenFertilizerKgN = Math.round(area * p.nKgPerMu * vary());
  if (p.rice) {
    input.rice = [{ areaMu: Math.round(area * 0.9), daysFlooded: 110, waterRegime: 'single_drainage' }];
    // About 4 in 10 rice farms grow an early and a late crop (双季稻).
    if (random.chance(0.4))
      input.rice.push({ areaMu: Math.round(area * 0.9), daysFlooded: 90, waterRegime: 'single_drainage' });
    input.sinks = { strawReturnedMu: Math.round(area * 0.6 * vary()) };
  }
  if (p.swinePerMu) {
    const heads = Math.round(area * p.swinePerMu * vary());
    input.livestock = { swine: heads };
    // Composted manure sold as organic fertilizer: ~0.5 t per pig a year, within the farm's bound.
    input.sinks = { organicFertilizerTonnes: round(Math.min(heads * 0.5, area * 8), 1) };
  }
  if (p.organicTPerMu)
    input.sinks = { ...input.sinks, organicFertilizerTonnes: round(area * p.organicTPerMu * vary(), 1) };
  if (p.forestShare) input.sinks = { ...input.sinks, forestMu: Math.round(area * p.forestShare) };
  return input;
}

/** Seeds every registry farm's inputs for SEEDED_FARM_YEARS (deterministic from the run's seed). */
export async function seedFarmInputs(
  farms: CarbonFarmService,
  registry: RegistryService,
  seed: number,
  progress: Progress,
): Promise<number> {
  const all: Farm[] = [];
  for (let after: number | undefined; ; ) {
    const page = await registry.farmsAfter({ after, limit: 10_000 });
    if (page.length === 0) break;
    all.push(...page);
    after = page[page.length - 1]!.id;
  }
  progress.start('carbon: farm inputs', all.length * SEEDED_FARM_YEARS.length);
  let stored = 0;
  for (const year of SEEDED_FARM_YEARS) {
    const entries = all.map((farm) => ({
      farmId: farm.id,
      input: farmSeedInput(farm, createRandom(seed, `farm-inputs:${farm.id}:${year}`)),
    }));
    stored += await farms.seedInputs(year, entries);
    progress.increment(entries.length);
  }
  progress.stop();
  return stored;
}
