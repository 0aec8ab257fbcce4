import type { Actor } from '../../kernel/auth';
import { AppError, notFound } from '../../kernel/errors';
import {
  type AccessRecord,
  type Consent,
  type ConsentStatus,
  consentStatus,
  type ExchangeService,
  type ExchangeSubject,
  exchangeActorOf,
  parseExpiry,
} from '../../kernel/exchange';
import type { RegistryService } from '../registry';
import type { EnterpriseMonth } from './enterprise-month';
import { type LoanSpreads, loadBanks, loadLoanSpreads, type PartnerBank } from './green-finance-config';
import {
  buildCreditReport,
  CREDIT_REPORT_DATASET,
  CREDIT_REPORT_FIELDS,
  type CreditReport,
  LOAN_ASSESSMENT,
} from './green-finance-report';
import { addMonths, shanghaiMonth } from './periods';
import { subjectOf } from './subject-of';

/** Where the report's months come from: the industrial accounts (`platform.carbon.industrial`). */
export interface MonthlyResultsSource {
  monthlyResults(uscc: string, fromPeriod: string, toPeriod: string): Promise<EnterpriseMonth[]>;
}

/** Two years back finds the last closed month even when the close runs late; the report keeps twelve. */
const LOOKBACK_MONTHS = 24;

export interface ConsentView {
  id: string;
  bank: PartnerBank | null;
  purpose: string;
  dataset: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: ConsentStatus;
}

export interface AccessView extends AccessRecord {
  /** The reader's organisation by name, when it is a partner bank. */
  organisationName: { zh: string; en: string } | null;
}

function enterpriseOf(actor: Actor): ExchangeSubject {
  const subject = subjectOf(actor);
  if (subject?.type !== 'enterprise') throw new AppError(403, 'NO_CARBON_SUBJECT', 'forbidden');
  return { type: 'enterprise', id: subject.id.toUpperCase() };
}

function readerSubjectOf(actor: Actor): ExchangeSubject {
  const subject = subjectOf(actor);
  if (!subject || (subject.type !== 'enterprise' && subject.type !== 'resident'))
    throw new AppError(403, 'NO_CARBON_SUBJECT', 'forbidden');
  return { type: subject.type, id: subject.id.toUpperCase() };
}

export type GreenFinanceService = ReturnType<typeof createGreenFinanceService>;

/**
 * 绿色金融 — an enterprise authorises a partner bank to read its carbon credit report (碳征信报告) for a loan
 * assessment; the bank reads it through the kernel exchange, which checks the consent and logs every read.
 */
export function createGreenFinanceService(deps: {
  exchange: ExchangeService;
  registry: RegistryService;
  monthly: MonthlyResultsSource;
  banks?: () => PartnerBank[];
  spreads?: () => LoanSpreads;
  now?: () => Date;
}) {
  const banks = deps.banks ?? loadBanks;
  const spreads = deps.spreads ?? loadLoanSpreads;
  const now = deps.now ?? (() => new Date());
  const bankBy = (uscc: string | null) => banks().find((b) => b.uscc === uscc) ?? null;

  const view = (consent: Consent): ConsentView => ({
    id: consent.id,
    bank: bankBy(consent.grantee.id),
    purpose: consent.purpose,
    dataset: consent.dataset,
    grantedAt: consent.grantedAt,
    expiresAt: consent.expiresAt,
    revokedAt: consent.revokedAt,
    status: consentStatus(consent, now()),
  });

  async function report(uscc: string): Promise<CreditReport> {
    const enterprise = await deps.registry.getEnterprise(uscc);
    if (!enterprise) throw notFound('enterprise', uscc);
    const generatedAt = now();
    const current = shanghaiMonth(generatedAt);
    const months = await deps.monthly.monthlyResults(
      enterprise.uscc,
      addMonths(current, -LOOKBACK_MONTHS),
      addMonths(current, -1),
    );
    return buildCreditReport({
      enterprise: {
        uscc: enterprise.uscc,
        name: enterprise.name,
        industryCode: enterprise.industryCode,
        industryName: enterprise.industryName,
        countyCode: enterprise.countyCode,
      },
      months,
      generatedAt,
      spreads: spreads(),
    });
  }

  return {
    banks: (): PartnerBank[] => banks(),

    /** The enterprise agent authorises `bank` to read the credit report for a loan assessment until `expiresAt`. */
    async grantConsent(
      actor: Actor,
      input: { bank: string; purpose: typeof LOAN_ASSESSMENT; expiresAt: string },
      requestId: string | null,
    ): Promise<ConsentView> {
      const subject = enterpriseOf(actor);
      const bank = bankBy(input.bank.toUpperCase());
      if (!bank) throw new AppError(422, 'UNKNOWN_BANK', 'unknownBank', { bank: input.bank });
      const expiresAt = parseExpiry(input.expiresAt);
      if (!expiresAt)
        throw new AppError(422, 'INVALID_CONSENT_EXPIRY', 'invalidValue', {
          reason: `expiresAt ${input.expiresAt} is not a date (YYYY-MM-DD) or a date-time with offset`,
        });
      const consent = await deps.exchange.grant(
        {
          subject,
          grantee: { type: 'organisation', id: bank.uscc },
          purpose: input.purpose,
          dataset: CREDIT_REPORT_DATASET,
          expiresAt,
        },
        actor,
        requestId,
      );
      return view(consent);
    },

    async revokeConsent(actor: Actor, id: string, requestId: string | null): Promise<ConsentView> {
      return view(await deps.exchange.revoke(id, enterpriseOf(actor), actor, requestId));
    },

    /** The enterprise's credit-report consents, newest first, each with its bank and status now. */
    async consentsOf(actor: Actor): Promise<ConsentView[]> {
      return (await deps.exchange.consentsOf(enterpriseOf(actor), CREDIT_REPORT_DATASET)).map(view);
    },

    /**
     * The report of `uscc`: a bank reads it through the exchange (consent checked, read logged and audited); the
     * enterprise's own agent reads its own report directly, which is not someone else's read and is not logged.
     * An unregistered USCC is a 404 before any consent check (the register of market entities is public).
     */
    async creditReport(actor: Actor, uscc: string, requestId: string | null): Promise<CreditReport> {
      const key = uscc.toUpperCase();
      const own = subjectOf(actor);
      if (own?.type === 'enterprise' && own.id.toUpperCase() === key) return report(key);
      if (actor.role !== 'bank') throw new AppError(403, 'FORBIDDEN', 'forbidden');
      const reader = exchangeActorOf(actor);
      if (!reader.organisation) throw new AppError(403, 'NO_BANK_ORGANISATION', 'bankWithoutOrganisation');
      if (!(await deps.registry.getEnterprise(key))) throw notFound('enterprise', key);
      return deps.exchange.read(
        {
          actor: reader,
          subject: { type: 'enterprise', id: key },
          dataset: CREDIT_REPORT_DATASET,
          purpose: LOAN_ASSESSMENT,
          fields: CREDIT_REPORT_FIELDS,
          requiresConsent: true,
          requestId,
        },
        () => report(key),
      );
    },

    /** The name a printed report gives its reader: the bank's name, or null for the enterprise itself. */
    readerName(actor: Actor): string | null {
      if (actor.role !== 'bank') return null;
      return bankBy(actor.subjectId?.toUpperCase() ?? null)?.nameZh ?? actor.subjectId;
    },

    /** 数据使用记录 — who read the logged-in enterprise's (or resident's) data, newest first. */
    async accessLogOf(actor: Actor, page: { limit: number; before?: number }) {
      const result = await deps.exchange.accessLog(readerSubjectOf(actor), page);
      const items: AccessView[] = result.items.map((record) => {
        const bank = bankBy(record.actor.organisation);
        return { ...record, organisationName: bank ? { zh: bank.nameZh, en: bank.nameEn } : null };
      });
      return { items, next: result.next };
    },
  };
}
