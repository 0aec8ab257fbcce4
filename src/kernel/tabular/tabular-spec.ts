/**
 * What an uploaded table must look like: its columns, the header spellings people type for them and the limits
 * that keep one upload to one bounded transaction. Each module that takes spreadsheets declares one.
 */
export interface TabularSpec<Column extends string> {
  columns: readonly Column[];
  required: readonly Column[];
  /** Header spellings accepted per column, compared lower-case without spaces, underscores or brackets. */
  aliases: Readonly<Record<Column, readonly string[]>>;
  /**
   * Columns whose Excel date cells become text: 'month' -> YYYY-MM, 'day' -> YYYY-MM-DD. Excel dates are wall-clock
   * (exceljs reads them as UTC midnight), so no time zone is applied.
   */
  dateColumns?: Partial<Record<Column, 'month' | 'day'>>;
  limits: TabularLimits;
}

export interface TabularLimits {
  /** The file as uploaded. */
  maxBytes: number;
  /** Data rows, header and blank rows not counted. */
  maxRows: number;
  /** An XLSX once unpacked: past this it is a ZIP bomb, not data. */
  maxUnpackedBytes: number;
  maxZipEntries: number;
}

export type Cell = string | number | null;

/** One data row as read: cells are still untrusted. `row` is the line (CSV) or row number (XLSX) a person sees. */
export interface TabularRow<Column extends string> {
  row: number;
  cells: Record<Column, Cell>;
}

/** Why a file was refused as a whole; each becomes one error (tabularProblemError). */
export type TabularProblem =
  | { code: 'unsupported_type'; filename: string }
  | { code: 'too_large'; limit: number }
  | { code: 'too_many_rows'; limit: number; rows: number }
  | { code: 'too_large_unpacked'; limit: number; maxEntries: number }
  | { code: 'unreadable'; reason: string }
  /** `columns` are the missing ones; `required` and `optional` name the spec's columns for the message. */
  | { code: 'missing_columns'; columns: string; required: string; optional: string }
  | { code: 'empty' };

export type TabularParse<Column extends string> =
  | { ok: true; format: 'csv' | 'xlsx'; rows: TabularRow<Column>[] }
  | { ok: false; problem: TabularProblem };
