import { loadHolidayCalendar } from '../../kernel/calendar';
import { insertRows } from '../../kernel/db';
import { createExchangeService } from '../../kernel/exchange';
import type { SeedContext, SeedScale } from '../../kernel/module';
import type { Platform } from '../../platform';
import { createRandom } from '../../seed/random';
import { CASE_COLUMNS, EVENT_COLUMNS } from './case-columns';
import { type CaseSeedOptions, generateCase, type SeedApplicant } from './seed-cases';
import { createServicesService } from './service';

/** Seeded cases per scale ([assume]: the demo's queues and charts need a few thousand; the benchmark a million). */
export const SEEDED_CASES: Readonly<Record<SeedScale, number>> = {
  demo: 3_000,
  county: 50_000,
  full: 1_000_000,
};

/** The demo login's own cases happen on these days (the calendar has data for them whatever today is). */
const DEMO_DAYS = [
  '2026-11-23T02:00:00Z',
  '2026-11-24T02:00:00Z',
  '2026-11-25T02:00:00Z',
  '2026-11-26T02:00:00Z',
];

/**
 * 一网通办 seed: a synthetic case history across the four cities (bulk-loaded, one audit entry), then the demo
 * resident's own cases through the real service path — so their 数据使用记录 holds the fetches — each on a fixed
 * November 2026 day.
 */
export async function seedServices(context: SeedContext<Platform>): Promise<void> {
  const { platform, progress } = context;
  // A city of custom size is a test's fixture: it makes the cases it counts on.
  if ((context as { sizes?: unknown }).sizes !== undefined) return;
  const options = await caseSeedOptions(platform, '2026-01-05', '2026-11-27');
  const count = SEEDED_CASES[context.scale];
  progress.start('services: cases', count);
  const written = await loadSeedCases(
    platform,
    options,
    count,
    createRandom(context.seed, 'services:cases'),
    (n) => progress.increment(n),
  );
  progress.stop();
  await platform.audit
    .transaction(platform.database.db, (trx) =>
      platform.audit.record(trx, {
        actor: null,
        action: 'seed.services.cases',
        resourceType: 'services_case',
        resourceId: '*',
        after: { rows: written },
      }),
    )
    .then(() => undefined);
  await seedDemoResidentCases(platform);
}

/** What the generator draws from: every item, a sample of residents and enterprises, the counties per city. */
export async function caseSeedOptions(
  platform: Platform,
  from: string,
  to: string,
): Promise<CaseSeedOptions> {
  const residents: SeedApplicant[] = (await platform.registry.residentsAfter({ limit: 5_000 }))
    .filter((r) => r.birthDate < '2006-01-01')
    .map((r) => ({ type: 'resident', id: r.residentId, name: r.name, county: r.divisionCode.slice(0, 6) }));
  const enterprises: SeedApplicant[] = (await platform.registry.enterprisesAfter({ limit: 2_000 })).map(
    (e) => ({
      type: 'enterprise',
      id: e.uscc,
      name: e.name,
      county: e.countyCode,
    }),
  );
  const counties = Object.fromEntries(
    ['330800', '341000', '350700', '361100'].map((city) => [
      city,
      platform.divisions.counties(city).map((d) => d.code),
    ]),
  );
  return {
    items: await platform.services.items.list(),
    residents,
    enterprises,
    counties,
    calendar: loadHolidayCalendar(),
    from,
    to,
    seededBy: 'seed',
  };
}

/** Generates and bulk-inserts `count` cases with their timelines; returns how many were written. */
export async function loadSeedCases(
  platform: Platform,
  options: CaseSeedOptions,
  count: number,
  random: ReturnType<typeof createRandom>,
  onProgress: (n: number) => void = () => {},
  withEvents = true,
): Promise<number> {
  const BATCH = 2_000;
  let serial = 0;
  let written = 0;
  while (written < count) {
    const cases: unknown[][] = [];
    const events: unknown[][] = [];
    while (cases.length < Math.min(BATCH, count - written)) {
      const generated = generateCase(random, options, ++serial);
      if (!generated) continue;
      cases.push(CASE_COLUMNS.map((column) => generated.row[column]));
      if (withEvents)
        for (const event of generated.events) events.push(EVENT_COLUMNS.map((column) => event[column]));
    }
    await platform.database.db.transaction().execute(async (trx) => {
      await insertRows(platform.database, trx, 'services_cases', CASE_COLUMNS, cases as never);
      if (events.length > 0)
        await insertRows(platform.database, trx, 'services_case_events', EVENT_COLUMNS, events as never);
    });
    written += cases.length;
    onProgress(cases.length);
  }
  return written;
}

/**
 * The demo resident's own cases, each through the service on its own November day: a certificate-free query
 * finished and delivered, a marriage-record certificate received at the Shangrao window and forwarded, a
 * social-security card returned for its missing photo, and a medical-insurance transfer being handled.
 */
async function seedDemoResidentCases(platform: Platform): Promise<void> {
  const resident = await platform.auth.findByUsername('resident');
  const window = await platform.auth.findByUsername('officer-361100-services');
  const fundOfficer = await platform.auth.findByUsername('officer-330800-provident_fund');
  if (!resident?.subjectId || !window || !fundOfficer) return;
  const at = (day: number) => {
    const clock = { now: new Date(DEMO_DAYS[day] as string) };
    const services = createServicesService(
      platform.database,
      platform.audit,
      createExchangeService(platform.database, platform.audit, () => clock.now),
      platform.registries,
      platform.registry,
      platform.auth,
      platform.divisions,
      platform.files,
      () => clock.now,
    );
    return { services, clock };
  };
  const first = at(0);
  const query = await first.services.cases.submit(resident, {
    itemId: '330800-hpf-account-query',
    form: {},
    consent: true,
    requestKey: 'demo-hpf-query',
  });
  if (query.state === 'accepted') {
    await first.services.cases.act(fundOfficer, query.id, 'claim', {});
    await first.services.cases.act(fundOfficer, query.id, 'approve', {});
    await first.services.cases.act(fundOfficer, query.id, 'deliver', { delivery: 'electronic' });
  }
  const second = at(1);
  const proxy = await second.services.cases.submit(window, {
    itemId: '330800-ca-marriage-record-certificate',
    applicantId: resident.subjectId,
    form: { purpose: '办理不动产登记' },
    consent: true,
    requestKey: 'demo-marriage-record',
  });
  if (proxy.state === 'submitted')
    await second.services.cases.act(window, proxy.id, 'forward', { reason: '表单与身份核验无误' });
  const third = at(2);
  await third.services.cases.submit(resident, {
    itemId: '330800-hrss-social-security-card',
    form: { name: resident.displayName, phone: '13800000000', postalAddress: '衢州市常山县' },
    consent: true,
    requestKey: 'demo-ss-card',
  });
  const fourth = at(3);
  await fourth.services.cases
    .submit(resident, {
      itemId: '330800-mi-relationship-transfer',
      form: { fromRegion: '上饶市', phone: '13800000000' },
      consent: true,
      requestKey: 'demo-mi-transfer',
    })
    .catch(() => undefined); // the demo resident may not be insured in the synthetic register: then nothing to show
}
