/** The synthetic city: deterministic generators and the orchestrator behind `sanqu seed`. */
export {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  type DemoLogin,
  demoUsers,
  OFFICER_DEPARTMENTS,
  OFFICER_LOGINS,
} from './demo-logins';
export { resolveSizes, SCALE_SIZES, type SeedSizes } from './scales';
export { AlreadySeededError, type SeedCityOptions, type SeedCityReport, seedCity } from './seed-city';
