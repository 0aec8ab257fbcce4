import type { AuditActor } from '../../kernel/audit';
import type { ExchangeService, ProviderDirectory } from '../../kernel/exchange';
import { registryDataset } from '../../kernel/exchange';
import type { FactValue } from '../../kernel/rules';
import { type ItemDefinition, registryFetches } from './catalogue';

/** The purpose every fetch for a case carries: the case itself, so no fetch happens outside one. */
export const casePurpose = (caseId: string) => `services.case:${caseId}`;

/** How long the applicant's consent for a case's fetches lasts: the case's life, bounded (the exchange allows ≤ 1 year). */
const CONSENT_DAYS = 180;

export type Proofs = Map<string, Record<string, FactValue> | null>;

/**
 * 免提交 — fetches the registry materials an item declares for one case: records the applicant's consent to the
 * handling office for exactly this case (reusing it on a retry), then reads each dataset through the exchange,
 * which logs who, which registry, which fields, which case and when, for the applicant's 数据使用记录. Only the
 * fields the item declares are asked for.
 */
export async function fetchProofs(
  exchange: ExchangeService,
  directory: ProviderDirectory,
  request: {
    caseId: string;
    item: ItemDefinition;
    applicant: { type: 'resident' | 'enterprise'; id: string };
    handlingOffice: string;
    grantedBy: AuditActor;
    now: Date;
    requestId: string | null;
  },
): Promise<Proofs> {
  const proofs: Proofs = new Map();
  const purpose = casePurpose(request.caseId);
  const grantee = { type: 'organisation' as const, id: request.handlingOffice };
  const reader = { id: 'system:services', role: 'system', organisation: request.handlingOffice };
  for (const [dataset, fields] of registryFetches(request.item)) {
    const name = registryDataset(dataset);
    const existing = await exchange.activeConsent(request.applicant, grantee, purpose, name);
    if (!existing)
      await exchange.grant(
        {
          subject: request.applicant,
          grantee,
          purpose,
          dataset: name,
          expiresAt: new Date(request.now.getTime() + CONSENT_DAYS * 86_400_000),
        },
        request.grantedBy,
        request.requestId,
      );
    const record = await exchange.read(
      {
        actor: reader,
        subject: request.applicant,
        dataset: name,
        purpose,
        fields,
        requiresConsent: true,
        caseId: request.caseId,
        requestId: request.requestId,
      },
      () => directory.fetch(dataset, request.applicant.id, fields),
    );
    proofs.set(dataset, record);
  }
  return proofs;
}
