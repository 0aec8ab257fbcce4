import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { divisionCodeRange } from '../../kernel/divisions';
import { AppError, forbidden } from '../../kernel/errors';
import { type CaseRecord, toCase } from './case-record';
import { SERVICES_DEPARTMENT } from './case-roles';
import type { CaseState } from './case-workflow';
import type { ServicesTables } from './services.tables';

/**
 * 待办 — an officer's queue, one state at a time, soonest deadline first:
 * - handling: the department's cases in the officer's jurisdiction (what to accept, decide and deliver);
 * - receiving: what came in at the officer's windows (to forward, or results to hand out);
 * - supervision: overdue cases escalated to the 政务服务 office.
 * Pages by keyset (`after`), so page 100 costs what page 1 does.
 */
export type QueueView = 'handling' | 'receiving' | 'supervision';

export interface QueueQuery {
  view: QueueView;
  state: CaseState;
  limit: number;
  /** The `next` of the previous page. */
  after?: string;
}

export interface QueuePage {
  items: CaseRecord[];
  next: string | null;
}

/** Open states with a due date: soonest deadline first. */
const DATED: readonly CaseState[] = ['accepted', 'in_review', 'approved'];
/** Finished cases: newest first (by case number, which starts with the date). */
const FINISHED: readonly CaseState[] = ['delivered', 'denied', 'withdrawn'];
// The rest (submitted, forwarded, returned, suspended) have no due date: oldest first, by case number.

export function createQueueService(database: SanquDatabase) {
  const db = tablesOf<ServicesTables>(database.db);

  return {
    async queue(actor: Actor, query: QueueQuery): Promise<QueuePage> {
      if (actor.role !== 'officer' || !actor.divisionCode || !actor.department) throw forbidden();
      // Every officer has the handling queue of their department; windows and supervision are the 政务服务 office's.
      if (query.view !== 'handling' && actor.department !== SERVICES_DEPARTMENT) throw forbidden();
      const { from, to } = divisionCodeRange(actor.divisionCode);
      const dated = DATED.includes(query.state);
      const finished = FINISHED.includes(query.state);
      let q = db.selectFrom('services_cases').selectAll().where('state', '=', query.state);
      if (query.view === 'handling')
        q = q
          .where('department', '=', actor.department)
          .where('handling_division', '>=', from)
          .where('handling_division', '<', to);
      else if (query.view === 'receiving')
        q = q
          .where('channel', '=', 'window')
          .where('receiving_division', '>=', from)
          .where('receiving_division', '<', to);
      else
        q = q
          .where('escalated_at', 'is not', null)
          .where('handling_division', '>=', from)
          .where('handling_division', '<', to);
      // Each order is one index range: (due_on, id) as a row value for open dated states; id for the others,
      // with undated states saying due_on is null so the queue index gives the order.
      if (!dated && !finished) q = q.where('due_on', 'is', null);
      if (query.after) {
        const [dueOn, id] = query.after.split('|');
        if (!id || (dated && !dueOn))
          throw new AppError(400, 'BAD_CURSOR', 'invalidValue', { reason: 'after' });
        if (dated) q = q.where((eb) => eb(eb.refTuple('due_on', 'id'), '>', eb.tuple(dueOn as string, id)));
        else q = q.where('id', finished ? '<' : '>', id);
      }
      q = dated ? q.orderBy('due_on').orderBy('id') : q.orderBy('id', finished ? 'desc' : 'asc');
      const rows = await q.limit(query.limit + 1).execute();
      const items = rows.slice(0, query.limit).map(toCase);
      const last = items.at(-1);
      return {
        items,
        next: rows.length > query.limit && last ? `${dated ? (last.dueOn ?? '') : ''}|${last.id}` : null,
      };
    },
  };
}
