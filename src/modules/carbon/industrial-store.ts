import type { Transaction } from 'kysely';
import type { Actor } from '../../kernel/auth';
import type { AnyDb } from '../../kernel/db';
import { tablesOf } from '../../kernel/db';
import type { Enterprise } from '../registry';
import type { ActivityInput } from './calculator';
import type {
  CarbonEnterpriseActivityTable,
  CarbonEnterpriseValueAddedTable,
  CarbonTables,
} from './carbon.tables';
import { checkPlausibility, type PlausibilityCheck } from './plausibility';

/** The industrial tables' reads and writes, shared by entry, upload, close and results. */

/** An activity row as the API shows it. */
export interface ActivityEntry {
  uscc: string;
  period: string;
  kind: string;
  amount: number;
  unit: string;
  channel: 'entry' | 'upload' | 'seed';
  enteredBy: string | null;
  enteredAt: string;
  /** The plausibility check that flagged the row; null when it passed. */
  warning: PlausibilityCheck | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** False while a flagged row waits for confirmation: it is left out of every figure. */
  counted: boolean;
}

export const isCounted = (row: CarbonEnterpriseActivityTable) =>
  Number(row.warning) === 0 || row.confirmed_by !== null;

export const toEntry = (row: CarbonEnterpriseActivityTable): ActivityEntry => ({
  uscc: row.uscc,
  period: row.period,
  kind: row.kind,
  amount: Number(row.amount),
  unit: row.unit,
  channel: row.channel as ActivityEntry['channel'],
  enteredBy: row.entered_by,
  enteredAt: row.entered_at,
  warning: row.warning_detail ? (JSON.parse(row.warning_detail) as PlausibilityCheck) : null,
  confirmedBy: row.confirmed_by,
  confirmedAt: row.confirmed_at,
  counted: isCounted(row),
});

export const toActivity = (row: CarbonEnterpriseActivityTable): ActivityInput => ({
  kind: row.kind,
  amount: Number(row.amount),
  unit: row.unit,
});

/** Activity rows of one enterprise over a period range, in period and kind order. */
export async function activityRows(db: AnyDb, uscc: string, from: string, to: string) {
  return tablesOf<CarbonTables>(db)
    .selectFrom('carbon_enterprise_activity')
    .selectAll()
    .where('uscc', '=', uscc)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .orderBy('period')
    .orderBy('kind')
    .execute();
}

export async function valueAddedRows(db: AnyDb, uscc: string, from: string, to: string) {
  return tablesOf<CarbonTables>(db)
    .selectFrom('carbon_enterprise_value_added')
    .selectAll()
    .where('uscc', '=', uscc)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .execute();
}

/** Rows for many (uscc, period) months at once: by USCC chunks, filtered to the periods asked for. */
export async function activityOfMonths(db: AnyDb, months: readonly { uscc: string; period: string }[]) {
  const usccs = [...new Set(months.map((m) => m.uscc))];
  const periods = [...new Set(months.map((m) => m.period))];
  const wanted = new Set(months.map((m) => `${m.uscc}|${m.period}`));
  const rows: CarbonEnterpriseActivityTable[] = [];
  for (let start = 0; start < usccs.length; start += 500) {
    const chunk = await tablesOf<CarbonTables>(db)
      .selectFrom('carbon_enterprise_activity')
      .selectAll()
      .where('uscc', 'in', usccs.slice(start, start + 500))
      .where('period', 'in', periods)
      .execute();
    rows.push(...chunk.filter((r) => wanted.has(`${r.uscc}|${r.period}`)));
  }
  return rows;
}

// Rows per multi-row statement: 12 columns × 400 stays far below both dialects' parameter limits.
const CHUNK = 400;

/** Inserts or replaces activity rows (re-entry replaces a month's figure for the kind). */
export async function upsertActivity(trx: Transaction<CarbonTables>, rows: CarbonEnterpriseActivityTable[]) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx
      .insertInto('carbon_enterprise_activity')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) =>
        oc.columns(['uscc', 'period', 'kind']).doUpdateSet((eb) => ({
          amount: eb.ref('excluded.amount'),
          unit: eb.ref('excluded.unit'),
          channel: eb.ref('excluded.channel'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: eb.ref('excluded.entered_at'),
          warning: eb.ref('excluded.warning'),
          warning_detail: eb.ref('excluded.warning_detail'),
          confirmed_by: eb.ref('excluded.confirmed_by'),
          confirmed_at: eb.ref('excluded.confirmed_at'),
        })),
      )
      .execute();
  }
}

export async function upsertValueAdded(
  trx: Transaction<CarbonTables>,
  rows: CarbonEnterpriseValueAddedTable[],
) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await trx
      .insertInto('carbon_enterprise_value_added')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) =>
        oc.columns(['uscc', 'period']).doUpdateSet((eb) => ({
          value_added_fen: eb.ref('excluded.value_added_fen'),
          channel: eb.ref('excluded.channel'),
          entered_by: eb.ref('excluded.entered_by'),
          entered_at: eb.ref('excluded.entered_at'),
        })),
      )
      .execute();
  }
}

/** One activity row, ready to store, with the plausibility check applied. */
export function activityRow(
  base: { uscc: string; period: string; channel: string; actor: Actor | null; at: string },
  activity: ActivityInput,
  grams: number | null,
  enterprise: Pick<Enterprise, 'employees' | 'outputValueFen'>,
): CarbonEnterpriseActivityTable {
  const check = grams === null ? null : checkPlausibility(grams, enterprise);
  const flagged = check !== null && !check.plausible;
  return {
    uscc: base.uscc,
    period: base.period,
    kind: activity.kind,
    amount: activity.amount,
    unit: activity.unit,
    channel: base.channel,
    entered_by: base.actor?.id ?? null,
    entered_at: base.at,
    warning: flagged ? 1 : 0,
    warning_detail: flagged ? JSON.stringify(check) : null,
    confirmed_by: null,
    confirmed_at: null,
  };
}
