import type { AuditActor, AuditService } from '../../kernel/audit';
import { bulkInsert, type SanquDatabase, serializeWithinTransaction, tablesOf } from '../../kernel/db';
import type { Progress } from '../../kernel/progress';
import type { RegistryService } from '../registry';
import {
  accountNumber,
  accountNumberPrefix,
  DEFAULT_DOMAIN,
  type Domain,
  type SubjectType,
} from './accounts';
import type { CarbonAccountTable, CarbonTables } from './carbon.tables';

export interface CarbonAccount {
  accountNo: string;
  subjectType: SubjectType;
  subjectId: string;
  domain: Domain;
  countyCode: string | null;
  openedAt: string;
}

const toAccount = (row: CarbonAccountTable): CarbonAccount => ({
  accountNo: row.account_no,
  subjectType: row.subject_type as SubjectType,
  subjectId: row.subject_id,
  domain: row.domain as Domain,
  countyCode: row.county_code,
  openedAt: row.opened_at,
});

const COLUMNS = ['account_no', 'subject_type', 'subject_id', 'domain', 'county_code', 'opened_at'];
const BATCH = 10_000;

export type CarbonAccountService = ReturnType<typeof createCarbonAccountService>;

/** Opening and reading carbon accounts (碳账户开户). */
export function createCarbonAccountService(
  database: SanquDatabase,
  audit: AuditService,
  registry: RegistryService,
  now: () => Date = () => new Date(),
) {
  const db = tablesOf<CarbonTables>(database.db);

  return {
    /**
     * Opens the subject's account in its default domain, or returns the one it has. The next sequence number of
     * the county is taken under a lock, so two openings cannot get the same number. Audited.
     */
    async open(subjectType: SubjectType, subjectId: string, countyCode: string, actor: AuditActor | null) {
      const domain = DEFAULT_DOMAIN[subjectType];
      const id = subjectId.toUpperCase();
      return audit.transaction(db, async (trx) => {
        await serializeWithinTransaction(trx, database.dialect, 'carbon_accounts');
        const existing = await trx
          .selectFrom('carbon_accounts')
          .selectAll()
          .where('subject_type', '=', subjectType)
          .where('subject_id', '=', id)
          .where('domain', '=', domain)
          .executeTakeFirst();
        if (existing) return toAccount(existing);
        const prefix = accountNumberPrefix(domain, countyCode);
        const last = await trx
          .selectFrom('carbon_accounts')
          .select('account_no')
          .where('account_no', '>=', prefix)
          .where('account_no', '<', `${prefix}~`)
          .orderBy('account_no', 'desc')
          .limit(1)
          .executeTakeFirst();
        const sequence = last ? Number(last.account_no.slice(prefix.length)) + 1 : 1;
        const row: CarbonAccountTable = {
          account_no: accountNumber(domain, countyCode, sequence),
          subject_type: subjectType,
          subject_id: id,
          domain,
          county_code: countyCode,
          opened_at: now().toISOString(),
        };
        await trx.insertInto('carbon_accounts').values(row).execute();
        await audit.record(trx, {
          actor,
          action: 'carbon.account.open',
          resourceType: 'carbon_account',
          resourceId: row.account_no,
          after: row,
        });
        return toAccount(row);
      });
    },

    async get(accountNo: string): Promise<CarbonAccount | null> {
      const row = await db
        .selectFrom('carbon_accounts')
        .selectAll()
        .where('account_no', '=', accountNo)
        .executeTakeFirst();
      return row ? toAccount(row) : null;
    },

    async accountsOf(subjectType: SubjectType, subjectId: string): Promise<CarbonAccount[]> {
      const rows = await db
        .selectFrom('carbon_accounts')
        .selectAll()
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId.toUpperCase())
        .orderBy('domain')
        .execute();
      return rows.map(toAccount);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('carbon_accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Opens an account for every resident, enterprise and farm in the registry (the seed, or a first sync).
     * Bulk path for an empty table; returns how many were opened. One audit entry per subject type.
     */
    async openForRegistry(progress: Progress): Promise<number> {
      if ((await this.count()) > 0) return 0;
      const openedAt = now().toISOString();
      let opened = 0;
      // The table is empty: sequences start at 1 in every county and domain, in registry order.
      const sequences = new Map<string, number>();
      const load = async (type: SubjectType, rows: { id: string; county: string }[]) => {
        const domain = DEFAULT_DOMAIN[type];
        const values = rows.map((r) => {
          const key = `${domain}:${r.county}`;
          const sequence = (sequences.get(key) ?? 0) + 1;
          sequences.set(key, sequence);
          return [
            accountNumber(domain, r.county, sequence),
            type,
            r.id.toUpperCase(),
            domain,
            r.county,
            openedAt,
          ];
        });
        await bulkInsert(database, 'carbon_accounts', COLUMNS, values);
        opened += rows.length;
        progress.increment(rows.length);
      };
      const counts = await registry.countsByCounty();
      progress.start(
        'carbon: accounts',
        counts.reduce((n, c) => n + c.residents + c.enterprises + c.farms, 0),
      );
      for (let after: string | undefined; ; ) {
        const page = await registry.residentKeysAfter({ after, limit: BATCH });
        if (page.length === 0) break;
        await load(
          'resident',
          page.map((r) => ({ id: r.residentId, county: r.divisionCode.slice(0, 6) })),
        );
        after = page[page.length - 1]!.residentId;
      }
      for (let after: string | undefined; ; ) {
        const page = await registry.enterprisesAfter({ after, limit: BATCH });
        if (page.length === 0) break;
        await load(
          'enterprise',
          page.map((e) => ({ id: e.uscc, county: e.countyCode })),
        );
        after = page[page.length - 1]!.uscc;
      }
      for (let after: number | undefined; ; ) {
        const page = await registry.farmsAfter({ after, limit: BATCH });
        if (page.length === 0) break;
        await load(
          'farm',
          page.map((f) => ({ id: String(f.id), county: f.divisionCode.slice(0, 6) })),
        );
        after = page[page.length - 1]!.id;
      }
      progress.stop();
      await audit.transaction(db, (trx) =>
        audit.record(trx, {
          actor: null,
          action: 'seed.carbon.accounts',
          resourceType: 'carbon_account',
          resourceId: '*',
          after: { opened },
        }),
      );
      return opened;
    },
  };
}
