import type { TabularRow, TabularSpec } from '../../kernel/tabular';

/**
 * 活动数据批量导入 — the columns of an activity upload (CSV or XLSX). The kernel's parseTabular reads the file; the
 * upload service checks each row with the same rules as a single entry and reports per row.
 */

export const UPLOAD_LIMITS = {
  /** 5 MB holds ~100,000 CSV rows; the row limit below bites first. */
  maxBytes: 5 * 1024 * 1024,
  /** One transaction per file: a city-wide month is ~5,000 enterprises × a few kinds, so uploads go by batches. */
  maxRows: 5_000,
  /** An XLSX unpacks ~10-20× (a 5,000-row sheet is a few MB of XML); past this it is a ZIP bomb, not data. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** A workbook is a dozen parts or so; thousands would each cost a parse. */
  maxZipEntries: 1_000,
} as const;

export const UPLOAD_COLUMNS = ['uscc', 'period', 'kind', 'amount', 'unit', 'valueAdded'] as const;
export type UploadColumn = (typeof UPLOAD_COLUMNS)[number];
export type UploadRow = TabularRow<UploadColumn>;

export const ACTIVITY_UPLOAD_SPEC: TabularSpec<UploadColumn> = {
  columns: UPLOAD_COLUMNS,
  required: ['uscc', 'period', 'kind', 'amount', 'unit'],
  aliases: {
    uscc: ['uscc', '统一社会信用代码', '信用代码'],
    period: ['period', '期间', '月份', '核算期'],
    kind: ['kind', '类型', '活动类型'],
    amount: ['amount', '数量', '活动数据'],
    unit: ['unit', '单位'],
    valueAdded: ['valueadded', '增加值', '工业增加值', '增加值万元', '工业增加值万元'],
  },
  // Excel turns a typed 2026-03 into a date: the period is its month.
  dateColumns: { period: 'month' },
  limits: UPLOAD_LIMITS,
};
