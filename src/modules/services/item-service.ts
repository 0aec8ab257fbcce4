import { readFileSync } from 'node:fs';
import type { AuditActor, AuditService } from '../../kernel/audit';
import { type AnyDb, type SanquDatabase, tablesOf } from '../../kernel/db';
import { ALLIANCE_CITIES, HOME_CITY } from '../../kernel/divisions';
import { AppError, notFound } from '../../kernel/errors';
import type { ProviderDirectory } from '../../kernel/exchange';
import { dataPath } from '../../kernel/paths';
import { type Category, type ItemDefinition, type ItemTemplate, itemId, type ServiceItem } from './catalogue';
import { definitionProblems, parseCatalogue } from './item-validation';
import type { ServicesItemTable, ServicesTables } from './services.tables';

/** The actor of the shipped catalogue's versions. */
const CATALOGUE_ACTOR: AuditActor = { id: 'system:catalogue', role: 'system' };

export interface ItemQuery {
  cityCode?: string;
  category?: Category;
  department?: string;
  alliance?: boolean;
  /** Matches the Chinese or English name. */
  text?: string;
}

export interface ItemVersion {
  version: number;
  definition: ItemDefinition;
  changedAt: string;
  changedBy: string;
  note: string;
}

/** The shipped templates (data/services/items.json), checked against the registries the exchange serves. */
export function shippedTemplates(directory: ProviderDirectory): ItemTemplate[] {
  const raw = JSON.parse(readFileSync(dataPath('services', 'items.json'), 'utf8')) as unknown;
  return parseCatalogue(raw, directory.fieldProblem);
}

/** The cities that offer a template: Quzhou always, the three other alliance cities its 跨省通办 items. */
export const citiesOffering = (template: Pick<ItemTemplate, 'alliance'>): readonly string[] =>
  template.alliance ? ALLIANCE_CITIES : [HOME_CITY];

const definitionOf = (template: ItemTemplate): ItemDefinition => {
  const { key: _key, ...definition } = template;
  return definition;
};

const toItem = (row: ServicesItemTable): ServiceItem => ({
  ...(JSON.parse(row.definition) as ItemDefinition),
  id: row.id,
  key: row.key,
  cityCode: row.city_code,
  version: row.version,
});

export type ItemService = ReturnType<typeof createItemService>;

/**
 * 事项目录 — the catalogue of service items per city, each edit a new version. Items are few (hundreds) and read
 * on every case step, so the service keeps them in memory and refreshes an item when it changes through it.
 * [scale] With several server processes, an edit in one is seen by the others on their next restart or cache
 * miss; a case always records the version it was decided by.
 */
export function createItemService(
  database: SanquDatabase,
  audit: AuditService,
  directory: ProviderDirectory,
  now: () => Date,
) {
  const db = tablesOf<ServicesTables>(database.db);
  let cache: Map<string, ServiceItem> | null = null;

  async function all(): Promise<Map<string, ServiceItem>> {
    if (cache) return cache;
    const rows = await db.selectFrom('services_items').selectAll().orderBy('id').execute();
    cache = new Map(rows.map((row) => [row.id, toItem(row)]));
    return cache;
  }

  const rowOf = (
    item: { id: string; key: string; cityCode: string },
    definition: ItemDefinition,
    version: number,
    by: AuditActor,
    at: string,
  ): ServicesItemTable => ({
    id: item.id,
    key: item.key,
    city_code: item.cityCode,
    version,
    definition: JSON.stringify(definition),
    name_zh: definition.name.zh,
    name_en: definition.name.en,
    category: definition.category,
    department: definition.department,
    alliance: definition.alliance ? 1 : 0,
    updated_at: at,
    updated_by: by.id,
  });

  /** Writes new versions (inserting or updating the current row) and their history inside `trx`. */
  async function writeVersions(trx: AnyDb, rows: readonly ServicesItemTable[], note: string) {
    const tables = tablesOf<ServicesTables>(trx);
    for (let start = 0; start < rows.length; start += 200) {
      const chunk = rows.slice(start, start + 200);
      const fresh = chunk.filter((row) => row.version === 1);
      if (fresh.length > 0) await tables.insertInto('services_items').values(fresh).execute();
      for (const row of chunk.filter((r) => r.version > 1))
        await tables
          .updateTable('services_items')
          .set(row)
          .where('id', '=', row.id)
          .where('version', '=', row.version - 1)
          .execute();
      await tables
        .insertInto('services_item_versions')
        .values(
          chunk.map((row) => ({
            item_id: row.id,
            version: row.version,
            definition: row.definition,
            changed_at: row.updated_at,
            changed_by: row.updated_by,
            note,
          })),
        )
        .execute();
    }
    for (const row of rows) cache?.set(row.id, toItem(row));
  }

  return {
    /**
     * Brings the shipped catalogue in: new templates become version 1 in each city that offers them; a changed
     * template becomes a new version only where no officer has edited the item since (their edit wins).
     */
    async syncShipped(): Promise<void> {
      const stored = new Map(
        (
          await db
            .selectFrom('services_items')
            .select(['id', 'version', 'definition', 'updated_by'])
            .execute()
        ).map((row) => [row.id, row]),
      );
      const at = now().toISOString();
      const rows: ServicesItemTable[] = [];
      for (const template of shippedTemplates(directory)) {
        const definition = definitionOf(template);
        const json = JSON.stringify(definition);
        for (const cityCode of citiesOffering(template)) {
          const id = itemId(cityCode, template.key);
          const current = stored.get(id);
          if (current && (current.definition === json || current.updated_by !== CATALOGUE_ACTOR.id)) continue;
          rows.push(
            rowOf(
              { id, key: template.key, cityCode },
              definition,
              (current?.version ?? 0) + 1,
              CATALOGUE_ACTOR,
              at,
            ),
          );
        }
      }
      if (rows.length === 0) return;
      await audit.transaction(db, async (trx) => {
        await writeVersions(trx, rows, 'shipped catalogue');
        // One entry for the whole catalogue: which items came in at which version.
        await audit.record(trx, {
          actor: CATALOGUE_ACTOR,
          action: 'services.catalogue.sync',
          resourceType: 'services_catalogue',
          resourceId: 'data/services/items.json',
          after: rows.map((row) => `${row.id}@${row.version}`),
        });
      });
    },

    async get(id: string): Promise<ServiceItem | null> {
      return (await all()).get(id) ?? null;
    },

    async require(id: string): Promise<ServiceItem> {
      const item = (await all()).get(id);
      if (!item) throw notFound('service item', id);
      return item;
    },

    /** Items matching the query, by city and then key. */
    async list(query: ItemQuery = {}): Promise<ServiceItem[]> {
      const text = query.text?.trim().toLowerCase();
      return [...(await all()).values()].filter(
        (item) =>
          (!query.cityCode || item.cityCode === query.cityCode) &&
          (!query.category || item.category === query.category) &&
          (!query.department || item.department === query.department) &&
          (query.alliance === undefined || item.alliance === query.alliance) &&
          (!text ||
            item.name.zh.includes(text) ||
            item.name.en.toLowerCase().includes(text) ||
            item.key.includes(text)),
      );
    },

    async versions(id: string): Promise<ItemVersion[]> {
      const rows = await db
        .selectFrom('services_item_versions')
        .selectAll()
        .where('item_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((row) => ({
        version: row.version,
        definition: JSON.parse(row.definition) as ItemDefinition,
        changedAt: row.changed_at,
        changedBy: row.changed_by,
        note: row.note,
      }));
    },

    /** The definition a case was made under (its item version). */
    async definitionAt(id: string, version: number): Promise<ItemDefinition> {
      const current = (await all()).get(id);
      if (current?.version === version) return current;
      const row = await db
        .selectFrom('services_item_versions')
        .select('definition')
        .where('item_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!row) throw notFound('service item version', `${id}@${version}`);
      return JSON.parse(row.definition) as ItemDefinition;
    },

    /**
     * An officer's edit: a new version after `expectedVersion` (409 if someone else changed it meanwhile); 422
     * listing every problem. Running cases keep the version they were made under.
     */
    async edit(
      id: string,
      input: { definition: unknown; expectedVersion: number; note: string },
      by: AuditActor,
      requestId: string | null = null,
    ): Promise<ServiceItem> {
      const item = (await all()).get(id);
      if (!item) throw notFound('service item', id);
      if (item.version !== input.expectedVersion)
        throw new AppError(409, 'ITEM_CHANGED', 'itemChangedMeanwhile', { id });
      const problems = definitionProblems(input.definition, directory.fieldProblem);
      if (problems.length > 0)
        throw new AppError(422, 'INVALID_ITEM', 'itemInvalid', { count: problems.length }, problems);
      const definition = input.definition as ItemDefinition;
      if (definition.alliance !== item.alliance)
        throw new AppError(422, 'INVALID_ITEM', 'itemInvalid', { count: 1 }, [
          {
            path: 'alliance',
            message:
              'an item joins or leaves the alliance list by agreement of the four cities, not by an edit',
          },
        ]);
      const row = rowOf(item, definition, item.version + 1, by, now().toISOString());
      await audit.transaction(db, async (trx) => {
        const current = await tablesOf<ServicesTables>(trx)
          .selectFrom('services_items')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirst();
        if (current?.version !== item.version)
          throw new AppError(409, 'ITEM_CHANGED', 'itemChangedMeanwhile', { id });
        await writeVersions(trx, [row], input.note);
        await audit.record(trx, {
          actor: by,
          action: 'services.item.edit',
          resourceType: 'services_item',
          resourceId: id,
          before: { version: item.version },
          after: { version: row.version, note: input.note, definition },
          requestId,
        });
      });
      return toItem(row);
    },
  };
}
