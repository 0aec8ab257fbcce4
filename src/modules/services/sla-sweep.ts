import type { AuditService } from '../../kernel/audit';
import { shanghaiDate } from '../../kernel/calendar';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { SYSTEM_ACTOR } from './case-papers';
import { toCase } from './case-record';
import { SERVICES_DEPARTMENT } from './case-roles';
import { officeRecipient, saveCase } from './case-store';
import type { ServicesTables } from './services.tables';

export interface SweepReport {
  warned: number;
  escalated: number;
}

const cityOf = (division: string) => `${division.slice(0, 4)}00`;

/**
 * 预警与督办 — the deadline sweep: a running case whose warning day (80 % of its limit) has come warns its office
 * once; a case past its due date escalates once to the 政务服务 office of its city, which supervises it. Each is a
 * timeline step with its audit entry. Run by `sanqu services sla` and every few minutes by the server.
 */
export function createSlaSweep(database: SanquDatabase, audit: AuditService, now: () => Date) {
  const db = tablesOf<ServicesTables>(database.db);
  return async function sweep(): Promise<SweepReport> {
    const at = now();
    const today = shanghaiDate(at);
    const report: SweepReport = { warned: 0, escalated: 0 };
    let after = '';
    for (;;) {
      const rows = await db
        .selectFrom('services_cases')
        .selectAll()
        .where('state', 'in', ['accepted', 'in_review'])
        .where('warn_on', '<=', today)
        .where((eb) =>
          eb.or([
            eb('warned_at', 'is', null),
            eb.and([eb('escalated_at', 'is', null), eb('due_on', '<', today)]),
          ]),
        )
        .where('id', '>', after)
        .orderBy('id')
        .limit(500)
        .execute();
      if (rows.length === 0) return report;
      after = rows.at(-1)?.id as string;
      await audit.transaction(db, async (trx) => {
        for (const row of rows) {
          const record = toCase(row);
          const overdue = record.dueOn !== null && record.dueOn < today && record.escalatedAt === null;
          const warn = record.warnedAt === null;
          const next = {
            ...record,
            warnedAt: record.warnedAt ?? at.toISOString(),
            escalatedAt: overdue ? at.toISOString() : record.escalatedAt,
            updatedAt: at.toISOString(),
            rowVersion: record.rowVersion + 1,
          };
          const notices = [
            ...(warn || overdue
              ? [
                  {
                    recipient: officeRecipient(record.handlingDivision, record.department),
                    kind: overdue ? 'overdue' : 'warning',
                  },
                ]
              : []),
            ...(overdue
              ? [
                  {
                    recipient: officeRecipient(cityOf(record.handlingDivision), SERVICES_DEPARTMENT),
                    kind: 'escalated',
                  },
                ]
              : []),
          ];
          const action = overdue ? 'escalate' : 'warn';
          try {
            await saveCase(
              trx,
              audit,
              SYSTEM_ACTOR,
              record,
              next,
              { action, fromState: record.state, visit: false, detail: { dueOn: record.dueOn } },
              notices,
              null,
            );
          } catch (error) {
            // An officer acted on the case since it was read: the next sweep looks at it again.
            if (error instanceof AppError && error.code === 'CASE_CHANGED') continue;
            throw error;
          }
          if (overdue) report.escalated++;
          if (warn) report.warned++;
        }
      });
    }
  };
}
