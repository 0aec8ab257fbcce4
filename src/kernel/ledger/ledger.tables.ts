/** An account in the double-entry ledger (分类账). Balances are integers in the currency's unit. */
export interface LedgerAccountTable {
  id: string;
  currency: string;
  owner_type: string | null;
  owner_id: string | null;
  label: string;
  /** 1 for accounts allowed below zero (issuing and clearing accounts), 0 for wallets that must never go negative. */
  allow_negative: number;
  balance: number;
  created_at: string;
}

export interface LedgerTransactionTable {
  id: string;
  idempotency_key: string;
  request_digest: string;
  description: string;
  created_at: string;
}

export interface LedgerPostingTable {
  transaction_id: string;
  account_id: string;
  currency: string;
  amount: number;
}

export interface LedgerTables {
  ledger_accounts: LedgerAccountTable;
  ledger_transactions: LedgerTransactionTable;
  ledger_postings: LedgerPostingTable;
}
