import type { CarbonGradeNumber, CarbonLevel } from './carbon-efficiency';
import type { FourColourLabel, LabelResult } from './four-colour';

/** The factor version behind a figure, as a bank report or an officer shows it (provenance). */
export interface FactorProvenance {
  id: string;
  kind: string;
  value: number;
  unit: string;
  source: string;
  year: number | null;
  fallback: boolean;
}

/**
 * One enterprise's carbon account for one month (工业碳账户月度结果): what the enterprise pages, the officer views
 * and the green-finance report (碳征信报告) read. `closed` figures come from the monthly close and carry the
 * industry comparison and the four-colour label; `provisional` ones are computed from the activity data entered so
 * far and have no label yet.
 */
export interface EnterpriseMonth {
  uscc: string;
  period: string;
  status: 'closed' | 'provisional';
  totalTonnes: number;
  energyTonnes: number;
  processTonnes: number;
  /** 万元; null when not reported. */
  valueAdded: number | null;
  /** t CO2 per 万元 value added; null without value added. */
  intensity: number | null;
  level: CarbonLevel | null;
  /** Industry average intensity of the enterprise's GB/T 4754 class for the period (closed months only). */
  industryAverage: number | null;
  /** K = intensity / industry average. */
  k: number | null;
  grade: CarbonGradeNumber | null;
  label: FourColourLabel | null;
  /** Each dimension's part in the label (closed months only). */
  explanation: LabelResult | null;
  factors: FactorProvenance[];
  /** Activity rows still waiting for an officer to confirm an implausible amount; excluded from the figures. */
  unconfirmedRows: number;
}
