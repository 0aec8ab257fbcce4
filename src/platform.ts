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
import { createExchangeService, type ExchangeService, exchangeComponent } from './kernel/exchange';
import { createLedgerService, type LedgerService, ledgerComponent } from './kernel/ledger';
import type { ModuleDefinition } from './kernel/module';
import { modules } from './modules';
import { type CarbonService, createCarbonService } from './modules/carbon';
import { type CreditService, createCreditService } from './modules/credit';
import { createRegistryService, type RegistryService } from './modules/registry';

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
  auth: AuthService;
  divisions: DivisionService;
  /** can(actor, action, resource): the platform's whole policy, kernel rules plus every module's. */
  can: Can;
  registry: RegistryService;
  carbon: CarbonService;
  credit: CreditService;
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

export function assemblePlatform(database: SanquDatabase): Platform {
  const audit = createAuditService(database);
  const registry = createRegistryService(database, audit);
  const ledger = createLedgerService(database, audit);
  const exchange = createExchangeService(database, audit);
  const carbon = createCarbonService(database, audit, ledger, registry);
  const can = createPolicy([...kernelPolicies, ...modules.flatMap((m) => m.policies ?? [])]);
  return {
    database,
    audit,
    ledger,
    exchange,
    auth: createAuthService(database, audit),
    divisions: createDivisionService(),
    can,
    registry,
    carbon,
    credit: createCreditService(database, audit, exchange, registry, carbon, can),
  };
}

/** Applies pending migrations, assembles the platform and runs every module's start hook. */
export async function preparePlatform(database: SanquDatabase): Promise<Platform> {
  await migrate(database, platformComponents);
  const platform = assemblePlatform(database);
  for (const module of modules) await module.start?.(platform);
  return platform;
}

/** Opens the configured database and prepares the platform on it. */
export function openPlatform(config: DatabaseConfig): Promise<Platform> {
  return preparePlatform(openDatabase(config));
}
