import type { AuditService } from '../../kernel/audit';
import type { AuthService } from '../../kernel/auth';
import { loadHolidayCalendar } from '../../kernel/calendar';
import type { SanquDatabase } from '../../kernel/db';
import type { DivisionService } from '../../kernel/divisions';
import type { ExchangeService, ProviderDirectory } from '../../kernel/exchange';
import type { FileStore } from '../../kernel/files';
import type { RegistryService } from '../registry';
import { createCaseBatch } from './case-batch';
import { createCaseService } from './case-service';
import { createCaseViewService } from './case-view-service';
import { createFileService } from './file-service';
import { createItemService } from './item-service';
import { createQueueService } from './queue-service';
import { createSlaSweep } from './sla-sweep';
import { createStatisticsService } from './statistics-service';

export type ServicesService = ReturnType<typeof createServicesService>;

/** 一网通办 — the module's public service: the item catalogue, uploads and cases. */
export function createServicesService(
  database: SanquDatabase,
  audit: AuditService,
  exchange: ExchangeService,
  directory: ProviderDirectory,
  registry: RegistryService,
  auth: Pick<AuthService, 'findByUsername'>,
  divisions: DivisionService,
  fileStore: FileStore,
  now: () => Date = () => new Date(),
) {
  const items = createItemService(database, audit, directory, now);
  const cases = createCaseService(
    database,
    audit,
    exchange,
    directory,
    items,
    registry,
    auth,
    divisions,
    now,
  );
  const counties = (city: string) => divisions.counties(city).map((d) => d.code);
  return {
    items,
    files: createFileService(database, audit, fileStore, now),
    cases,
    /** 批量办理: an officer's batch of steps, each checked on its own, written in one transaction. */
    actMany: createCaseBatch(database, audit, { items, auth, counties, calendar: loadHolidayCalendar }, now),
    /** A case as one viewer may see it, and an applicant's own cases. */
    views: createCaseViewService(database, cases, exchange, now),
    queues: createQueueService(database),
    /** 预警与督办: warn at 80 % of the limit, escalate overdue cases (CLI and a server timer). */
    sweep: createSlaSweep(database, audit, now),
    statistics: createStatisticsService(database),
  };
}
