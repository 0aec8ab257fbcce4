import { type BulkValue, bulkInsert } from '../../kernel/db';
import type { SeedContext } from '../../kernel/module';
import type { Platform } from '../../platform';
import { createRandom } from '../../seed/random';
import type { Enterprise } from '../registry';
import type { ActivityInput } from './calculator';
import type { FactorLibrary } from './factors';
import { rowGrams } from './industrial';
import { activityRow } from './industrial-store';
import { addMonths, shanghaiMonth } from './periods';

/**
 * [assume] Monthly activity per 万元 of annual output, by GB/T 4754 class prefix (longest match wins), and the
 * value-added share of output. Orders of magnitude for the demo, not statistics: cement (C3011) is the heaviest
 * (≈ 20 t CO2 per 万元 of output with clinker process emissions), paper, chemicals and other non-metallic
 * minerals burn coal and gas, equipment and electronics mostly use electricity.
 */
interface Profile {
  kWh: number;
  coal: number;
  gas: number;
  diesel: number;
  process: number;
  valueAddedShare: number;
}
const p = (kWh: number, coal: number, gas: number, diesel: number, process: number, va: number): Profile => ({
  kWh,
  coal,
  gas,
  diesel,
  process,
  valueAddedShare: va,
});
export const INDUSTRY_PROFILES: Readonly<Record<string, Profile>> = {
  C13: p(150, 0, 0.003, 0.001, 0, 0.2),
  C15: p(120, 0, 0.002, 0.001, 0, 0.25),
  C21: p(120, 0, 0.001, 0.001, 0, 0.25),
  C22: p(900, 0.35, 0.008, 0.001, 0, 0.22),
  C26: p(800, 0.25, 0.012, 0.001, 0.4, 0.22),
  C27: p(300, 0.03, 0.006, 0.001, 0.05, 0.35),
  C29: p(450, 0, 0.002, 0.001, 0, 0.2),
  C3011: p(2_700, 3.5, 0.002, 0.005, 12, 0.25),
  C30: p(700, 0.4, 0.015, 0.002, 0.8, 0.25),
  C31: p(600, 0, 0.02, 0.001, 0, 0.15),
  C33: p(150, 0, 0.002, 0.002, 0, 0.2),
  C34: p(150, 0, 0.001, 0.001, 0, 0.28),
  C35: p(150, 0, 0.001, 0.001, 0, 0.28),
  C36: p(200, 0, 0.002, 0.001, 0, 0.22),
  C38: p(250, 0, 0.001, 0.001, 0, 0.25),
  C39: p(350, 0, 0.001, 0.0005, 0, 0.3),
  C: p(200, 0, 0.001, 0.001, 0, 0.25),
  '': p(60, 0, 0.0005, 0.003, 0, 0.3),
};

export const profileOf = (industryCode: string): Profile => {
  for (let length = industryCode.length; length >= 0; length--) {
    const profile = INDUSTRY_PROFILES[industryCode.slice(0, length)];
    if (profile) return profile;
  }
  return INDUSTRY_PROFILES[''] as Profile;
};

/** [assume] Spring Festival lowers February; summer cooling raises July and August. */
const SEASON = [1, 0.8, 1, 1, 1, 1, 1.08, 1.08, 1, 1, 1, 1.02];

const ACTIVITY_COLUMNS = [
  'uscc',
  'period',
  'kind',
  'amount',
  'unit',
  'channel',
  'entered_by',
  'entered_at',
  'warning',
  'warning_detail',
  'confirmed_by',
  'confirmed_at',
] as const;
const VALUE_ADDED_COLUMNS = [
  'uscc',
  'period',
  'value_added_fen',
  'channel',
  'entered_by',
  'entered_at',
] as const;

/** The seed months: the twelve ending at the last complete month (Asia/Shanghai) before `today`. */
export const seedMonths = (today: Date): string[] => {
  const last = addMonths(shanghaiMonth(today), -1);
  return Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
};

/**
 * Twelve months of activity and value added for each enterprise: the class profile scaled by output, an
 * efficiency of its own (log-normal), a slow trend (some improve, some slip), the season and ±5 % noise.
 * Deterministic per enterprise and seed.
 */
export function generateIndustrialSeed(
  enterprises: readonly Enterprise[],
  months: readonly string[],
  seed: number,
  library: FactorLibrary,
) {
  const activity: BulkValue[][] = [];
  const valueAdded: BulkValue[][] = [];
  for (const enterprise of enterprises) {
    const random = createRandom(seed, `carbon-industrial:${enterprise.uscc}`);
    const profile = profileOf(enterprise.industryCode);
    const monthlyWan = enterprise.outputValueFen / 1_000_000 / 12;
    const efficiency = random.logNormal(1, 0.25);
    const trend = -0.015 + random.next() * 0.02;
    months.forEach((period, index) => {
      const season = SEASON[Number(period.slice(5, 7)) - 1] ?? 1;
      const output = monthlyWan * season * (1 + (random.next() - 0.5) * 0.06);
      const use = output * efficiency * (1 + trend) ** index;
      const noise = () => 1 + (random.next() - 0.5) * 0.1;
      const rows: ActivityInput[] = [
        { kind: 'electricity', amount: Math.round(profile.kWh * use * noise()), unit: 'kWh' },
        { kind: 'raw_coal', amount: Math.round(profile.coal * use * noise() * 10) / 10, unit: 't' },
        {
          kind: 'natural_gas',
          amount: Math.round(profile.gas * use * noise() * 1000) / 1000,
          unit: '10^4Nm3',
        },
        { kind: 'diesel', amount: Math.round(profile.diesel * use * noise() * 100) / 100, unit: 't' },
        { kind: 'process', amount: Math.round(profile.process * use * noise() * 100) / 100, unit: 'tCO2' },
      ];
      const at = `${addMonths(period, 1)}-05T02:00:00.000Z`;
      for (const input of rows.filter((r) => r.amount > 0)) {
        const row = activityRow(
          { uscc: enterprise.uscc, period, channel: 'seed', actor: null, at },
          input,
          rowGrams(library, period, input),
          enterprise,
        );
        activity.push(ACTIVITY_COLUMNS.map((c) => row[c]));
      }
      const fen = Math.round(output * profile.valueAddedShare * 1_000_000);
      if (fen > 0) valueAdded.push([enterprise.uscc, period, fen, 'seed', null, at]);
    });
  }
  return { activity, valueAdded };
}

/**
 * Seeds the demo's industrial accounts: twelve months for every 规上 (above designated size) enterprise, then
 * closes each month in order so the demo has grades and labels (the history dimension fills in from the fourth).
 */
export async function seedIndustrialAccounts(context: SeedContext<Platform>): Promise<void> {
  const { platform, progress } = context;
  const enterprises: Enterprise[] = [];
  for (let after: string | undefined; ; ) {
    const batch = await platform.registry.enterprisesAfter({ ...(after ? { after } : {}), limit: 10_000 });
    enterprises.push(...batch.filter((e) => e.aboveScale));
    if (batch.length < 10_000) break;
    after = batch.at(-1)?.uscc;
  }
  const months = seedMonths(new Date());
  const library = await platform.carbon.factors.library();
  const { activity, valueAdded } = generateIndustrialSeed(enterprises, months, context.seed, library);
  await bulkInsert(platform.database, 'carbon_enterprise_activity', ACTIVITY_COLUMNS, activity);
  await bulkInsert(platform.database, 'carbon_enterprise_value_added', VALUE_ADDED_COLUMNS, valueAdded);
  await platform.audit.transaction(platform.database.db, async (trx) => {
    for (const [table, count] of [
      ['enterprise_activity', activity.length],
      ['enterprise_value_added', valueAdded.length],
    ] as const) {
      await platform.audit.record(trx, {
        actor: null,
        action: `seed.carbon.${table}`,
        resourceType: `carbon_${table}`,
        resourceId: `seed:${context.seed}`,
        after: { count, enterprises: enterprises.length, from: months[0], to: months.at(-1) },
      });
    }
  });
  progress.start('carbon: industrial monthly close', months.length);
  for (const period of months) {
    await platform.carbon.industrial.closePeriod(period, `seed-${period}`);
    progress.increment();
  }
  progress.stop();
}
