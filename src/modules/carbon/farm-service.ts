import type { AuditActor, AuditService } from '../../kernel/audit';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError, type Language, notFound } from '../../kernel/errors';
import type { Farm, RegistryService } from '../registry';
import { calculateFarmAccount, type FarmAccount, type FarmInput } from './agriculture';
import type { CarbonTables } from './carbon.tables';
import type { FactorProvenance } from './enterprise-month';
import type { CarbonFactorService } from './factor-service';
import type { FactorLibrary } from './factors';
import { closeFarms, type FarmCloseSummary } from './farm-close';
import { farmAreaIssues } from './farm-limits';
import { describeFarmIssue, type FarmIssue } from './farm-messages';
import { loadLabelThresholds } from './load-factors';
import { shanghaiDay } from './periods';

/** One year's farm inputs as entered: FarmInput without its year. */
export type FarmYearInput = Omit<FarmInput, 'year'>;

/** A farm's carbon-neutral account for a year (农业碳中和账户), as the API shows it. */
export interface FarmAccountView {
  farmId: number;
  name: string;
  villageCode: string;
  countyCode: string;
  mainProduct: string;
  areaMu: number;
  year: number;
  /** final: closed in December; closed: by a monthly close, year still open; provisional: from the inputs now. */
  status: 'final' | 'closed' | 'provisional' | 'no_inputs';
  closedPeriod: string | null;
  inputs: FarmYearInput | null;
  account: FarmAccount | null;
  factors: FactorProvenance[];
}

const PAGE = 10_000;
const CHUNK = 500;

export type { FarmCloseSummary } from './farm-close';

export type CarbonFarmService = ReturnType<typeof createCarbonFarmService>;

/** The factor versions an account used, with a flag for those used outside their validity. */
function provenanceOf(library: FactorLibrary, account: FarmAccount): FactorProvenance[] {
  return account.factorIds
    .map((id) => library.byId.get(id))
    .filter((f) => f !== undefined)
    .map((f) => ({
      id: f.id,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      source: f.source,
      year: f.year,
      fallback: account.fallbacks.some((reason) => reason.startsWith(`${f.id}:`)),
    }));
}

/**
 * 农业碳中和账户 — farm inputs per calendar year (the IPCC Tier 1 factors are annual), the account they give, and
 * the close's yearly results. Farms live in the registry; inputs and results here, keyed by farm id and year.
 */
export function createCarbonFarmService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  factors: CarbonFactorService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);
  const bands = () => loadLabelThresholds().farmNeutrality;

  /** Every issue with the inputs, pure core's and the area bounds'. */
  function issuesOf(library: FactorLibrary, farm: Farm, input: FarmInput): FarmIssue[] {
    const core = calculateFarmAccount(library, input, bands());
    return [...(core.ok ? [] : core.issues), ...farmAreaIssues(input, farm.areaMu)];
  }

  async function storedInputs(farmId: number, year: number): Promise<FarmYearInput | null> {
    const row = await db
      .selectFrom('carbon_farm_inputs')
      .select('input')
      .where('farm_id', '=', farmId)
      .where('year', '=', year)
      .executeTakeFirst();
    return row ? (JSON.parse(row.input) as FarmYearInput) : null;
  }

  return {
    /** The farm with this registry id, or null. */
    async farm(farmId: number): Promise<Farm | null> {
      const [farm] = await registry.farmsAfter({ after: farmId - 1, limit: 1 });
      return farm?.id === farmId ? farm : null;
    },

    /**
     * Records (or replaces) a farm's inputs for a year, after checking them against the core's rules and the
     * farm's area; audited. Returns the provisional account they give.
     */
    async recordInputs(
      farmId: number,
      year: number,
      input: FarmYearInput,
      actor: AuditActor | null,
      language: Language = 'zh-CN',
    ): Promise<FarmAccountView> {
      const farm = await this.farm(farmId);
      if (!farm) throw notFound('farm', String(farmId));
      const thisYear = Number(shanghaiDay(now()).slice(0, 4));
      if (!Number.isInteger(year) || year < 1990 || year > thisYear)
        throw new AppError(422, 'FARM_YEAR_INVALID', 'farmYearInvalid', { year, thisYear });
      const library = await factors.library();
      const issues = issuesOf(library, farm, { ...input, year });
      if (issues.length > 0)
        throw new AppError(
          422,
          'INVALID_FARM_INPUT',
          'validationFailed',
          {},
          issues.map((issue) => ({
            path: `body.${issue.path}`,
            message: describeFarmIssue(issue, language),
          })),
        );
      const before = await storedInputs(farmId, year);
      const row = {
        farm_id: farmId,
        year,
        input: JSON.stringify(input),
        recorded_by: actor?.id ?? null,
        recorded_at: now().toISOString(),
      };
      await audit.transaction(db, async (trx) => {
        await trx
          .deleteFrom('carbon_farm_inputs')
          .where('farm_id', '=', farmId)
          .where('year', '=', year)
          .execute();
        await trx.insertInto('carbon_farm_inputs').values(row).execute();
        await audit.record(trx, {
          actor,
          action: 'carbon.farm.inputs',
          resourceType: 'carbon_farm',
          resourceId: `${farmId}/${year}`,
          before,
          after: input,
        });
      });
      return this.account(farmId, year);
    },

    /**
     * The farm's account for a year: the closed result when a close has run (final after December), otherwise
     * computed now from the inputs (provisional).
     */
    async account(farmId: number, year: number): Promise<FarmAccountView> {
      const farm = await this.farm(farmId);
      if (!farm) throw notFound('farm', String(farmId));
      const [inputs, closed, library] = await Promise.all([
        storedInputs(farmId, year),
        db
          .selectFrom('carbon_farm_results')
          .selectAll()
          .where('farm_id', '=', farmId)
          .where('year', '=', year)
          .executeTakeFirst(),
        factors.library(),
      ]);
      const view = {
        farmId,
        name: farm.name,
        villageCode: farm.divisionCode,
        countyCode: farm.divisionCode.slice(0, 6),
        mainProduct: farm.mainProduct,
        areaMu: farm.areaMu,
        year,
        inputs,
      };
      if (closed) {
        const account = JSON.parse(closed.account) as FarmAccount;
        return {
          ...view,
          status: Number(closed.final) === 1 ? 'final' : 'closed',
          closedPeriod: closed.close_period,
          account,
          factors: provenanceOf(library, account),
        };
      }
      const outcome = inputs ? calculateFarmAccount(library, { ...inputs, year }, bands()) : null;
      if (!outcome?.ok)
        return { ...view, status: 'no_inputs', closedPeriod: null, account: null, factors: [] };
      return {
        ...view,
        status: 'provisional',
        closedPeriod: null,
        account: outcome.account,
        factors: provenanceOf(library, outcome.account),
      };
    },

    /**
     * The close's farm part: computes every farm's account for `year` from its inputs and replaces the year's
     * results in one audited transaction. `final` marks the December close.
     */
    async closeYear(
      options: { year: number; period: string; runId: string; final: boolean },
      actor: AuditActor | null = null,
    ): Promise<FarmCloseSummary> {
      // Once the December close has made a year final, re-closing one of its earlier months recomputes it but
      // must not turn the year back to 'closed'.
      const finalised = await db
        .selectFrom('carbon_farm_results')
        .select('farm_id')
        .where('year', '=', options.year)
        .where('final', '=', 1)
        .limit(1)
        .executeTakeFirst();
      if (finalised) options = { ...options, final: true };
      const library = await factors.library();
      const inputs = new Map(
        (
          await db
            .selectFrom('carbon_farm_inputs')
            .select(['farm_id', 'input'])
            .where('year', '=', options.year)
            .execute()
        ).map((r) => [Number(r.farm_id), JSON.parse(r.input) as FarmYearInput]),
      );
      const farms: Farm[] = [];
      for (let after: number | undefined; ; ) {
        const page = await registry.farmsAfter({ after, limit: PAGE });
        if (page.length === 0) break;
        farms.push(...page);
        after = page[page.length - 1]!.id;
      }
      const { rows, summary } = closeFarms(farms, inputs, library, bands(), options, now().toISOString());
      await audit.transaction(db, async (trx) => {
        await trx.deleteFrom('carbon_farm_results').where('year', '=', options.year).execute();
        for (let i = 0; i < rows.length; i += CHUNK)
          await trx
            .insertInto('carbon_farm_results')
            .values(rows.slice(i, i + CHUNK))
            .execute();
        await audit.record(trx, {
          actor,
          action: 'carbon.close.farms',
          resourceType: 'carbon_close_run',
          resourceId: options.runId,
          after: { year: options.year, farms: summary.farms, labels: summary.labels },
        });
      });
      return summary;
    },

    /** Seed path: stores many farms' inputs for a year at once (an empty table; one audit entry). */
    async seedInputs(year: number, entries: { farmId: number; input: FarmYearInput }[]): Promise<number> {
      const recordedAt = now().toISOString();
      const rows = entries.map((e) => ({
        farm_id: e.farmId,
        year,
        input: JSON.stringify(e.input),
        recorded_by: null,
        recorded_at: recordedAt,
      }));
      await audit.transaction(db, async (trx) => {
        for (let i = 0; i < rows.length; i += CHUNK)
          await trx
            .insertInto('carbon_farm_inputs')
            .values(rows.slice(i, i + CHUNK))
            .execute();
        await audit.record(trx, {
          actor: null,
          action: 'seed.carbon.farm_inputs',
          resourceType: 'carbon_farm',
          resourceId: '*',
          after: { year, farms: rows.length },
        });
      });
      return rows.length;
    },
  };
}
