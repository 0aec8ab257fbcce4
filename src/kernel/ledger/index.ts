import type { MigrationSource } from '../db';
import { createLedger } from './migrations/2026_11_29_0002_create_ledger';

export type { LedgerTables } from './ledger.tables';
export { CURRENCIES, type Currency, normalisePosting, type PostingLine } from './posting';
export {
  createLedgerService,
  type LedgerService,
  type OpenAccount,
  type PostRequest,
  type PostResult,
} from './service';

export const ledgerComponent: MigrationSource = {
  name: 'ledger',
  migrations: { '2026_11_29_0002_create_ledger': createLedger },
};
