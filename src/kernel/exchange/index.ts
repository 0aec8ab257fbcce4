import type { MigrationSource } from '../db';
import { createExchange } from './migrations/2026_11_29_0005_create_exchange';

export {
  type Consent,
  type ConsentStatus,
  type ConsentVerdict,
  consentStatus,
  consentVerdict,
  EXCHANGE_SUBJECT_TYPES,
  type ExchangeSubject,
  type ExchangeSubjectType,
  expiryProblem,
  GRANTEE_TYPES,
  type Grantee,
  type GranteeType,
  latestExpiry,
  parseExpiry,
} from './consent';
export { chinaTime } from './consent-errors';
export type { ExchangeTables } from './exchange.tables';
export { type ExchangeActor, exchangeActorOf } from './exchange-actor';
export {
  createProviderDirectory,
  type Label,
  type ProviderDirectory,
  type RegistryProvider,
  registryDataset,
} from './providers';
export {
  type AccessLogPage,
  type AccessRecord,
  createExchangeService,
  type ExchangeService,
  type GrantRequest,
  type ReadRequest,
} from './service';

/** 数据共享交换 — consents and the access log through which one party reads another's data. */
export const exchangeComponent: MigrationSource = {
  name: 'exchange',
  migrations: { '2026_11_29_0005_create_exchange': createExchange },
};
