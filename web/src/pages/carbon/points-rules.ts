/**
 * The carbon-points rules residents are told, copied from `data/carbon/points.json` (version 2026-1; a unit
 * test fails when that file changes). The API does not serve these rules, so the page states them itself.
 */
export const POINTS_RULES = {
  version: '2026-1',
  /** 10 g CO2e of verified reduction earns one point — the platform's assumption; Quzhou's ratio is unpublished. */
  gramsPerPoint: 10,
  expiryMonths: 24,
  nonTransferable: true,
  cashValue: false,
} as const;
