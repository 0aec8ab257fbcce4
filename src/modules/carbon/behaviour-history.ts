import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import type { CarbonTables } from './carbon.tables';
import { loadBehaviourCatalogue } from './load-behaviours';
import { dayOfMillis } from './points';

/** One behaviour event as its resident sees it (我的绿色行为). */
export interface BehaviourHistoryItem {
  eventId: string;
  behaviour: string;
  name: { zh: string; en: string };
  amount: number;
  unit: string;
  grams: number;
  points: number;
  /** The daily cap cut what this event earned */
  capped: boolean;
  reversed: boolean;
  /** The points are accepted but not yet in the wallet (the crediting step runs about a second later) */
  pending: boolean;
  /** UTC ISO-8601 */
  occurredAt: string;
  /** Asia/Shanghai day the event counts on */
  day: string;
}

export interface BehaviourTotals {
  events: number;
  grams: number;
  points: number;
  byBehaviour: {
    behaviour: string;
    name: { zh: string; en: string };
    events: number;
    grams: number;
    points: number;
  }[];
}

export const HISTORY_LIMIT = { default: 20, max: 100 } as const;

/** The keyset position after an item: newest first by time, then source and id (unique together). */
const encodeCursor = (row: { occurred_at: string; source: string; event_id: string }) =>
  Buffer.from(JSON.stringify([row.occurred_at, row.source, row.event_id])).toString('base64url');

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string'))
      return value as [string, string, string];
  } catch {}
  throw new AppError(422, 'INVALID_CURSOR', 'invalidValue', {
    reason: 'cursor is not one this API gave out',
  });
}

const nameOf = (code: string) => {
  const behaviour = loadBehaviourCatalogue().get(code);
  return { zh: behaviour?.nameZh ?? code, en: behaviour?.nameEn ?? code };
};

export type BehaviourHistoryService = ReturnType<typeof createBehaviourHistoryService>;

/** 绿色行为记录 — a resident's own events and totals, read from the stored events. */
export function createBehaviourHistoryService(database: SanquDatabase, now: () => Date = () => new Date()) {
  const db = tablesOf<CarbonTables>(database.db);

  return {
    /**
     * A page of `residentId`'s events, newest first; `next` is the cursor of the following page (null at the end).
     * @example await history.page('330822199001011237', { limit: 20 }) // { items: [...], next: 'WyIy…' }
     */
    async page(residentId: string, options: { cursor?: string; limit?: number } = {}) {
      const limit = Math.min(options.limit ?? HISTORY_LIMIT.default, HISTORY_LIMIT.max);
      let query = db
        .selectFrom('carbon_behaviour_events as e')
        .leftJoin('carbon_behaviour_batches as b', 'b.id', 'e.batch_id')
        .select([
          'e.source',
          'e.event_id',
          'e.behaviour',
          'e.amount',
          'e.grams',
          'e.points',
          'e.capped',
          'e.reversed_at',
          'e.occurred_at',
          'e.day',
          'e.batch_id',
          'b.credited_at',
        ])
        .where('e.subject_id', '=', residentId.toUpperCase());
      if (options.cursor) {
        const [at, source, id] = decodeCursor(options.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('e.occurred_at', '<', at),
            eb.and([eb('e.occurred_at', '=', at), eb('e.source', '<', source)]),
            eb.and([eb('e.occurred_at', '=', at), eb('e.source', '=', source), eb('e.event_id', '<', id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('e.occurred_at', 'desc')
        .orderBy('e.source', 'desc')
        .orderBy('e.event_id', 'desc')
        .limit(limit + 1)
        .execute();
      const catalogue = loadBehaviourCatalogue();
      const items: BehaviourHistoryItem[] = rows.slice(0, limit).map((row) => ({
        eventId: row.event_id,
        behaviour: row.behaviour,
        name: nameOf(row.behaviour),
        amount: Number(row.amount),
        unit: catalogue.get(row.behaviour)?.unit ?? '',
        grams: Number(row.grams),
        points: Number(row.points),
        capped: Number(row.capped) === 1,
        reversed: row.reversed_at !== null,
        pending: row.batch_id !== null && row.credited_at === null,
        occurredAt: row.occurred_at,
        day: row.day,
      }));
      const last = rows[limit - 1];
      return { items, next: rows.length > limit && last ? encodeCursor(last) : null };
    },

    /** This Asia/Shanghai month's and all-time totals of unreversed events, by behaviour. */
    async summary(
      residentId: string,
    ): Promise<{ month: string; thisMonth: BehaviourTotals; allTime: BehaviourTotals }> {
      const month = dayOfMillis(now().getTime()).slice(0, 7);
      const rows = await db
        .selectFrom('carbon_behaviour_events')
        .select((eb) => [
          'behaviour',
          eb.fn.countAll<number>().as('events'),
          eb.fn.sum<number>('grams').as('grams'),
          eb.fn.sum<number>('points').as('points'),
          eb.fn
            .sum<number>(eb.case().when('day', '>=', `${month}-01`).then(1).else(0).end())
            .as('month_events'),
          eb.fn
            .sum<number>(eb.case().when('day', '>=', `${month}-01`).then(eb.ref('grams')).else(0).end())
            .as('month_grams'),
          eb.fn
            .sum<number>(eb.case().when('day', '>=', `${month}-01`).then(eb.ref('points')).else(0).end())
            .as('month_points'),
        ])
        .where('subject_id', '=', residentId.toUpperCase())
        .where('reversed_at', 'is', null)
        .groupBy('behaviour')
        .orderBy('behaviour')
        .execute();
      const totals = (pick: (r: (typeof rows)[number]) => [number, number, number]): BehaviourTotals => {
        const byBehaviour = rows
          .map((r) => {
            const [events, grams, points] = pick(r);
            return { behaviour: r.behaviour, name: nameOf(r.behaviour), events, grams, points };
          })
          .filter((b) => b.events > 0);
        return {
          events: byBehaviour.reduce((n, b) => n + b.events, 0),
          grams: byBehaviour.reduce((n, b) => n + b.grams, 0),
          points: byBehaviour.reduce((n, b) => n + b.points, 0),
          byBehaviour,
        };
      };
      return {
        month,
        thisMonth: totals((r) => [Number(r.month_events), Number(r.month_grams), Number(r.month_points)]),
        allTime: totals((r) => [Number(r.events), Number(r.grams), Number(r.points)]),
      };
    },
  };
}
