import { readFileSync } from 'node:fs';
import { dataPath } from '../../kernel/paths';

/** How disputes and repairs are handled: configuration, data/credit/disputes.json. */
export interface DisputeConfig {
  /** Working days the source department has to decide a case. */
  decisionWorkingDays: number;
}

/** Reads and checks data/credit/disputes.json (a whole number of working days, 1-60). */
export function loadDisputeConfig(file = dataPath('credit', 'disputes.json')): DisputeConfig {
  const { decisionWorkingDays } = JSON.parse(readFileSync(file, 'utf8')) as Partial<DisputeConfig>;
  if (!(Number.isInteger(decisionWorkingDays) && decisionWorkingDays! >= 1 && decisionWorkingDays! <= 60))
    throw new Error(`${file}: decisionWorkingDays must be a whole number of working days, 1-60`);
  return { decisionWorkingDays: decisionWorkingDays! };
}

let shipped: DisputeConfig | undefined;

/** The shipped configuration, read once per process. */
export const disputeConfig = (): DisputeConfig => (shipped ??= loadDisputeConfig());
