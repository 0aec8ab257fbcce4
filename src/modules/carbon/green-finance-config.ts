import { readFileSync } from 'node:fs';
import { parseUscc } from '../../kernel/identity';
import { dataPath } from '../../kernel/paths';
import { FOUR_COLOUR_LABELS, type FourColourLabel } from './four-colour';

/** A bank the city's enterprises can authorise (合作银行); its USCC is the organisation its users act for. */
export interface PartnerBank {
  uscc: string;
  nameZh: string;
  nameEn: string;
  /** The bank the demo login `bank` works for. */
  demoLogin: boolean;
}

/** The suggested-rate table: the PBoC 1-year LPR and a spread per four-colour label, all in basis points. */
export interface LoanSpreads {
  version: string;
  lpr: { tenor: '1Y'; basisPoints: number; effectiveFrom: string; source: string };
  spreads: {
    basis: 'assumption' | 'published';
    description: string;
    byLabel: Record<FourColourLabel, number>;
  };
}

/** data/carbon/banks.json (demo partner banks) and data/carbon/loan-spreads.json (LPR and spreads). */
export const BANKS_FILE = dataPath('carbon', 'banks.json');
export const LOAN_SPREADS_FILE = dataPath('carbon', 'loan-spreads.json');

const fail = (file: string, reason: string): never => {
  throw new Error(`${file}: ${reason}`);
};

/** Checks the bank list: valid, distinct USCCs, both names, exactly one bank for the demo login. */
export function parseBanks(json: unknown, file = 'banks.json'): PartnerBank[] {
  const banks = (json as { banks?: unknown })?.banks;
  if (!Array.isArray(banks) || banks.length === 0) fail(file, 'banks must be a non-empty list');
  const seen = new Set<string>();
  const parsed = (banks as PartnerBank[]).map((bank, i) => {
    if (!parseUscc(String(bank?.uscc)).ok || bank.uscc !== bank.uscc.toUpperCase())
      fail(file, `bank ${i + 1}: uscc is not a valid upper-case USCC`);
    if (seen.has(bank.uscc)) fail(file, `bank ${bank.uscc} is listed twice`);
    seen.add(bank.uscc);
    if (!bank.nameZh || !bank.nameEn) fail(file, `bank ${bank.uscc}: nameZh and nameEn are required`);
    return { uscc: bank.uscc, nameZh: bank.nameZh, nameEn: bank.nameEn, demoLogin: bank.demoLogin === true };
  });
  if (parsed.filter((b) => b.demoLogin).length !== 1) fail(file, 'exactly one bank must have demoLogin true');
  return parsed;
}

/** Checks the rate table: an integer LPR in basis points with its date and source, an integer spread per label. */
export function parseLoanSpreads(json: unknown, file = 'loan-spreads.json'): LoanSpreads {
  const t = json as LoanSpreads;
  if (typeof t?.version !== 'string' || t.version === '') fail(file, 'version is missing');
  const { lpr, spreads } = t;
  if (!Number.isInteger(lpr?.basisPoints) || lpr.basisPoints <= 0)
    fail(file, 'lpr.basisPoints must be a positive integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lpr.effectiveFrom ?? ''))
    fail(file, 'lpr.effectiveFrom must be YYYY-MM-DD');
  if (!lpr.source) fail(file, 'lpr.source is missing');
  if (spreads?.basis !== 'assumption' && spreads?.basis !== 'published')
    fail(file, 'spreads.basis must be "assumption" or "published"');
  for (const label of FOUR_COLOUR_LABELS) {
    const spread = spreads.byLabel?.[label];
    if (!Number.isInteger(spread))
      fail(file, `spread for ${label} must be an integer number of basis points`);
    if (lpr.basisPoints + (spread as number) <= 0) fail(file, `LPR + spread for ${label} must stay positive`);
  }
  return t;
}

let banks: PartnerBank[] | null = null;
let spreads: LoanSpreads | null = null;

export function loadBanks(): PartnerBank[] {
  banks ??= parseBanks(JSON.parse(readFileSync(BANKS_FILE, 'utf8')), BANKS_FILE);
  return banks;
}

export function loadLoanSpreads(): LoanSpreads {
  spreads ??= parseLoanSpreads(JSON.parse(readFileSync(LOAN_SPREADS_FILE, 'utf8')), LOAN_SPREADS_FILE);
  return spreads;
}

/** The bank the demo login `bank` acts for (src/seed/demo-logins.ts). */
export const demoLoginBank = (): PartnerBank => loadBanks().find((b) => b.demoLogin) as PartnerBank;

/** The suggested rate: LPR plus the label's spread, in basis points (an integer, so no float drift). */
export interface SuggestedRate {
  lprBasisPoints: number;
  lprEffectiveFrom: string;
  lprSource: string;
  label: FourColourLabel;
  spreadBasisPoints: number;
  spreadBasis: 'assumption' | 'published';
  rateBasisPoints: number;
  /** e.g. "2.70%" */
  ratePercent: string;
  tableVersion: string;
}

/**
 * LPR + spread by label; null without a label (no closed month yet), since pricing then has no carbon basis.
 * @example suggestedRate('浅绿', table)?.ratePercent // '2.70%' with LPR 300 bp and spread −30 bp
 */
export function suggestedRate(label: FourColourLabel | null, table: LoanSpreads): SuggestedRate | null {
  if (label === null) return null;
  const spread = table.spreads.byLabel[label];
  const rate = table.lpr.basisPoints + spread;
  return {
    lprBasisPoints: table.lpr.basisPoints,
    lprEffectiveFrom: table.lpr.effectiveFrom,
    lprSource: table.lpr.source,
    label,
    spreadBasisPoints: spread,
    spreadBasis: table.spreads.basis,
    rateBasisPoints: rate,
    ratePercent: `${(rate / 100).toFixed(2)}%`,
    tableVersion: table.version,
  };
}
