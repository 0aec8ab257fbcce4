import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { type CaseRecord, toCase } from './case-record';
import { noticesFor, prepareStep, type StepDependencies } from './case-steps';
import { type CaseChange, saveCases } from './case-store';
import type { ActionInput } from './case-transition';
import type { CaseAction } from './case-workflow';
import type { ServicesTables } from './services.tables';

/** The most steps one batch takes (a page of the queue and then some). */
export const MAX_BATCH_STEPS = 200;

/** Steps that bring papers from the applicant: one case at a time, through `act`. */
const NOT_IN_BATCHES: readonly CaseAction[] = ['resubmit', 'supplement'];

export interface BatchStep extends ActionInput {
  caseId: string;
  action: CaseAction;
  expectedVersion?: number;
}

export type BatchResult =
  | { caseId: string; status: 'done'; record: CaseRecord }
  | { caseId: string; status: 'refused'; error: AppError };

/**
 * 批量办理 — an officer's batch of steps (accept a page of pre-checked cases, approve the reviewed ones): each step
 * is checked like a single one and refused on its own (its error in the results) without holding back the others;
 * the steps taken are written in one transaction — each case's update, timeline row, notices and its own audit
 * entry — so a batch costs one commit rather than one per case. A case may appear once per batch.
 */
export function createCaseBatch(
  database: SanquDatabase,
  audit: AuditService,
  deps: StepDependencies,
  now: () => Date,
) {
  const db = tablesOf<ServicesTables>(database.db);
  return async function actMany(
    actor: Actor,
    steps: readonly BatchStep[],
    requestId: string | null = null,
  ): Promise<BatchResult[]> {
    if (steps.length > MAX_BATCH_STEPS)
      throw new AppError(422, 'BATCH_TOO_LARGE', 'caseBatchTooLarge', { max: MAX_BATCH_STEPS });
    const ids = steps.map((step) => step.caseId);
    if (new Set(ids).size !== ids.length)
      throw new AppError(422, 'BATCH_DUPLICATE_CASE', 'caseBatchDuplicate');
    const at = now();
    // Reads and checks first, outside the transaction (SQLite has one connection); the writes are guarded by each
    // case's row version, so a case changed in between is refused, not overwritten.
    const rows = ids.length
      ? await db.selectFrom('services_cases').selectAll().where('id', 'in', ids).execute()
      : [];
    const byId = new Map(rows.map((row) => [row.id, toCase(row)]));
    const results: BatchResult[] = [];
    const changes: CaseChange[] = [];
    for (const step of steps) {
      try {
        const record = byId.get(step.caseId);
        if (!record) throw new AppError(404, 'NOT_FOUND', 'notFound', { resource: 'case', id: step.caseId });
        if (NOT_IN_BATCHES.includes(step.action))
          throw new AppError(422, 'NOT_IN_BATCH', 'caseStepNotInBatch', { action: step.action });
        const prepared = await prepareStep(deps, database.db, actor, record, step.action, step, at);
        changes.push({
          before: record,
          after: prepared.next,
          step: {
            action: step.action,
            fromState: record.state,
            visit: prepared.visit,
            detail: { ...prepared.detail, role: prepared.role, batch: true },
          },
          notices: noticesFor(step.action, prepared.role, prepared.next),
        });
        results.push({ caseId: step.caseId, status: 'done', record: prepared.next });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ caseId: step.caseId, status: 'refused', error });
      }
    }
    const written = changes.length
      ? await audit.transaction(db, (trx) => saveCases(trx, audit, actor, changes, requestId))
      : new Set<string>();
    return results.map((result) =>
      result.status === 'done' && !written.has(result.caseId)
        ? {
            caseId: result.caseId,
            status: 'refused',
            error: new AppError(409, 'CASE_CHANGED', 'caseChangedMeanwhile', { id: result.caseId }),
          }
        : result,
    );
  };
}
