/**
 * Tabular kernel: reads an uploaded CSV (UTF-8) or XLSX into rows named by a module's columns (TabularSpec), with
 * the size, row and ZIP-bomb limits checked before parsing, and the error each refusal answers with.
 */
export { cellText, parseAmount } from './cells';
export { type CsvRecord, parseCsvRecords } from './csv-records';
export { parseTabular } from './parse-tabular';
export { tabularProblemError } from './problem-error';
export { mapHeader } from './table-rows';
export type {
  Cell,
  TabularLimits,
  TabularParse,
  TabularProblem,
  TabularRow,
  TabularSpec,
} from './tabular-spec';
export { checkZipUnpackedSize, type ZipLimits, type ZipUnpackedSize } from './zip-unpacked-size';
