import type { AuditService } from '../../kernel/audit';
import type { Can } from '../../kernel/auth';
import type { SanquDatabase } from '../../kernel/db';
import type { ExchangeService } from '../../kernel/exchange';
import type { CarbonService } from '../carbon';
import type { RegistryService } from '../registry';
import { createCreditAccessService } from './access-service';
import { createDisputeService } from './dispute-service';
import { importGreenLife } from './green-life';
import { createMeasureService } from './measure-service';
import { createModelService } from './model-service';
import { createNotificationService } from './notification-service';
import { createRecomputeService } from './recompute-service';
import { createRecordService } from './record-service';
import { createScoreService } from './score-service';

export type CreditService = ReturnType<typeof createCreditService>;

/** 信安分 — the module's public service: records, scores, models, incentives, disputes and access. */
export function createCreditService(
  database: SanquDatabase,
  audit: AuditService,
  exchange: ExchangeService,
  registry: RegistryService,
  carbon: Pick<CarbonService, 'close'>,
  can: Can,
  now: () => Date = () => new Date(),
) {
  const models = createModelService(database, audit, now);
  const records = createRecordService(database, audit, registry, can, models, now);
  const scores = createScoreService(database, models, now);
  return {
    models,
    records,
    scores,
    disputes: createDisputeService(database, audit, can, models, now),
    measures: createMeasureService(database, audit, exchange, models, scores, now),
    /** `recompute({ modelVersion?, actor?, progress })`: the whole population. */
    recompute: createRecomputeService(database, audit, registry, models, now),
    notifications: createNotificationService(database, now),
    access: createCreditAccessService(exchange, records, scores),
    /** 绿色生活: green-life records from a closed carbon month (`sanqu credit green-life --period`). */
    importGreenLife: (period: string) => importGreenLife(carbon, records, period),
  };
}
