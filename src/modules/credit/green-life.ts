import type { Actor } from '../../kernel/auth';
import { addDays, addMonthsToDate } from '../../kernel/calendar';
import type { CarbonService } from '../carbon';
import type { RecordInput } from './record-input';
import type { RecordService, SubmitResult } from './record-service';
import { recordType } from './record-types';

/**
 * The ecology bureau's carbon-account system as a record source: green-life records are reported under its
 * department at city level, so the same checks and audit apply as to any source system.
 */
export const CARBON_SOURCE: Actor = {
  id: 'system:carbon-green-life',
  username: 'system:carbon-green-life',
  displayName: '碳账户（生态环境局）',
  role: 'officer',
  department: 'ecology',
  divisionCode: '330800',
  subjectId: null,
};

const PAGE = 2_000;

/**
 * 绿色生活 — one green-life record per resident for a closed carbon month: the kilograms CO2e their behaviours
 * reduced (whole kg, capped at the type's maximum), dated the month's last day, record id `carbon-<period>` so a
 * re-run counts nothing twice. Reads the month through the carbon module's public service, never its tables.
 */
export async function importGreenLife(
  carbon: Pick<CarbonService, 'close'>,
  records: RecordService,
  period: string,
): Promise<{ residents: number; accepted: number; duplicates: number; rejected: number }> {
  const cap = recordType('green_life')!.maxQuantity;
  const lastDay = addDays(addMonthsToDate(`${period}-01`, 1), -1);
  const totals = { residents: 0, accepted: 0, duplicates: 0, rejected: 0 };
  let after: string | undefined;
  for (;;) {
    const page = await carbon.close.personalResultsAfter(period, { after, limit: PAGE });
    if (page.length === 0) return totals;
    const inputs: RecordInput[] = page
      .filter((r) => r.grams >= 1_000)
      .map((r) => ({
        recordId: `carbon-${period}`,
        residentId: r.residentId,
        type: 'green_life',
        occurredOn: lastDay,
        quantity: Math.min(cap, Math.floor(r.grams / 1_000)),
        evidenceRef: `碳账户 ${period}`,
      }));
    const results: SubmitResult[] = await records.submit(CARBON_SOURCE, inputs);
    totals.residents += page.length;
    for (const r of results) {
      if (r.status === 'accepted') totals.accepted++;
      else if (r.status === 'duplicate') totals.duplicates++;
      else totals.rejected++;
    }
    after = page.at(-1)!.residentId;
  }
}
