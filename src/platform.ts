import { dirname, join } from 'node:path';
import { type AuditService, auditComponent, createAuditService } from './kernel/audit';
import { type AuthService, authComponent, type Can, createAuthService, createPolicy } from './kernel/auth';
import { kernelPolicies } from './kernel/auth/kernel-policies';
import {
  type DatabaseConfig,
  type MigrationSource,
  migrate,
  openDatabase,
  type SanquDatabase,
} from './kernel/db';
import { createDivisionService, type DivisionService } from './kernel/divisions';
import {
  createExchangeService,
  createProviderDirectory,
  type ExchangeService,
  exchangeComponent,
  type ProviderDirectory,
} from './kernel/exchange';
import { createFileStore, type FileStore } from './kernel/files';
import { createLedgerService, type LedgerService, ledgerComponent } from './kernel/ledger';
import type { ModuleDefinition } from './kernel/module';
import { modules } from './modules';
import { type CarbonService, createCarbonService } from './modules/carbon';
import { type CreditService, createCreditService } from './modules/credit';
import { createRegistryService, type RegistryService, registryProviders } from './modules/registry';
import { createServicesService, type ServicesService } from './modules/services';

/**
 * The assembled platform: the kernel's services and each module's service, wired explicitly so a reader can
 * see what depends on what. Created once per process (server or CLI command).
 */
export interface Platform {
  database: SanquDatabase;
  audit: AuditService;
  ledger: LedgerService;
  /** Consents and the access log for reading another party's data (kernel/exchange). */
  exchange: ExchangeService;
  /** The registries the exchange can query (户籍, 市场主体, 婚姻, 社保 …), by dataset. */
  registries: ProviderDirectory;
  /** Uploaded documents by content hash (var/files beside the SQLite file). */
  files: FileStore;
  auth: AuthService;
  divisions: DivisionService;
  /** can(actor, action, resource): the platform's whole policy, kernel rules plus every module's. */
  can: Can;
  registry: RegistryService;
  carbon: CarbonService;
  credit: CreditService;
  services: ServicesService;
}

export type PlatformModule = ModuleDefinition<Platform>;

/** Kernel components with tables, then modules: the migration order within one timestamp. */
export const platformComponents: MigrationSource[] = [
  auditComponent,
  ledgerComponent,
  exchangeComponent,
  authComponent,
  ...modules,
];

export interface PlatformOptions {
  /** Where uploaded documents are kept (content-addressed); default: `files/` beside the SQLite file, else var/files. */
  filesDirectory?: string;
  /** The clock of the exchange and the services module (tests move it; deadlines depend on it). */
  now?: () => Date;
}

/** `files/` beside an SQLite database file; otherwise SANQU_FILES or var/files. */
function defaultFilesDirectory(database: SanquDatabase): string {
  const file = database.sqlite?.name;
  if (file && file !== ':memory:') return join(dirname(file), 'files');
  return process.env.SANQU_FILES ?? 'var/files';
}

export function assemblePlatform(database: SanquDatabase, options: PlatformOptions = {}): Platform {
  const audit = createAuditService(database);
  const registry = createRegistryService(database, audit);
  const ledger = createLedgerService(database, audit);
  const now = options.now ?? (() => new Date());
  const exchange = createExchangeService(database, audit, now);
  const carbon = createCarbonService(database, audit, ledger, registry);
  const can = createPolicy([...kernelPolicies, ...modules.flatMap((m) => m.policies ?? [])]);
  const auth = createAuthService(database, audit);
  const divisions = createDivisionService();
  const registries = createProviderDirectory(registryProviders(registry, divisions));
  const files = createFileStore(options.filesDirectory ?? defaultFilesDirectory(database));
  return {
    database,
    audit,
    ledger,
    exchange,
    registries,
    files,
    auth,
    divisions,
    can,
    registry,
    carbon,
    credit: createCreditService(database, audit, exchange, registry, carbon, can),
    services: createServicesService(
      database,
      audit,
      exchange,
      registries,
      registry,
      auth,
      divisions,
      files,
      now,
    ),
  };
}

/** Applies pending migrations, assembles the platform and runs every module's start hook. */
export async function preparePlatform(
  database: SanquDatabase,
  options: PlatformOptions = {},
): Promise<Platform> {
  await migrate(database, platformComponents);
  const platform = assemblePlatform(database, options);
  for (const module of modules) await module.start?.(platform);
  return platform;
}

/** Opens the configured database and prepares the platform on it. */
export function openPlatform(config: DatabaseConfig): Promise<Platform> {
  return preparePlatform(openDatabase(config));
}
