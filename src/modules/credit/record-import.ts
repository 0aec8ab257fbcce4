import type { Actor } from '../../kernel/auth';
import {
  cellText,
  parseAmount,
  parseTabular,
  type TabularSpec,
  tabularProblemError,
} from '../../kernel/tabular';
import type { RecordInput } from './record-input';
import type { RecordService, SubmitResult } from './record-service';

/** 信用记录批量导入 — the columns of a records file (CSV UTF-8 or XLSX, first sheet, row 1 the header). */
export const IMPORT_COLUMNS = [
  'recordId',
  'residentId',
  'type',
  'occurredOn',
  'quantity',
  'validUntil',
  'evidenceRef',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const IMPORT_SPEC: TabularSpec<ImportColumn> = {
  columns: IMPORT_COLUMNS,
  required: ['recordId', 'residentId', 'type', 'occurredOn'],
  aliases: {
    recordId: ['recordId', '记录编号', '编号'],
    residentId: ['residentId', '身份证号码', '公民身份号码', '身份证号'],
    type: ['type', '记录类型', '类型'],
    occurredOn: ['occurredOn', '发生日期', '日期'],
    quantity: ['quantity', '数量'],
    validUntil: ['validUntil', '有效期至', '失效日期'],
    evidenceRef: ['evidenceRef', '依据', '文书编号', '证据'],
  },
  // Excel turns typed dates into dates: read them back as YYYY-MM-DD.
  dateColumns: { occurredOn: 'day', validUntil: 'day' },
  limits: {
    maxBytes: 5 * 1024 * 1024,
    /** Each row is checked and stored on its own; 5,000 keeps one file's import to seconds. */
    maxRows: 5_000,
    maxUnpackedBytes: 50 * 1024 * 1024,
    maxZipEntries: 1_000,
  },
};

/** One imported row's outcome: the submit result with the row number a person sees in the file. */
export type ImportResult = SubmitResult & { row: number };

/**
 * Reads a records file and submits its rows like the batch API: a file that cannot be read is one 4xx; a readable
 * file gets a result per row, and a bad row blocks nothing. A quantity that is not a number is passed on as NaN so
 * the row is refused with the quantity message.
 */
export async function importRecords(
  records: RecordService,
  actor: Actor,
  file: { filename: string; bytes: Uint8Array },
  requestId: string | null,
): Promise<{ format: 'csv' | 'xlsx'; results: ImportResult[] }> {
  const parsed = await parseTabular(IMPORT_SPEC, file.filename, file.bytes);
  if (!parsed.ok) throw tabularProblemError(parsed.problem);
  const inputs: RecordInput[] = parsed.rows.map(({ cells }) => {
    const quantity = cellText(cells.quantity);
    const validUntil = cellText(cells.validUntil);
    return {
      recordId: cellText(cells.recordId),
      residentId: cellText(cells.residentId),
      type: cellText(cells.type),
      occurredOn: cellText(cells.occurredOn),
      ...(quantity === '' ? {} : { quantity: parseAmount(cells.quantity) ?? Number.NaN }),
      ...(validUntil === '' ? {} : { validUntil }),
      evidenceRef: cellText(cells.evidenceRef) || null,
    };
  });
  const results = await records.submit(actor, inputs, requestId);
  return { format: parsed.format, results: results.map((r) => ({ ...r, row: parsed.rows[r.index]!.row })) };
}
