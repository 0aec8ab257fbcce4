export {
  type DivisionLevel,
  divisionCodeRange,
  divisionContains,
  divisionLevel,
  divisionPrefix,
} from './division-code';
export { type Division, type DivisionKind, parseCsv } from './divisions';
export { createDivisionService, type DivisionService, loadDivisions } from './service';
export { generateVillages, QUZHOU_VILLAGE_COUNT } from './villages';

/** The city this platform runs, and its alliance partners for cross-province services (跨省通办). */
export const HOME_CITY = '330800';
export const ALLIANCE_CITIES = ['330800', '341000', '350700', '361100'] as const;
