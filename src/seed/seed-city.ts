import type { SeedScale } from '../kernel/module';
import { type Progress, silentProgress } from '../kernel/progress';
import { modules } from '../modules';
import { demoSubjects, planRegistry } from '../modules/registry';
import type { Platform } from '../platform';
import { demoUsers } from './demo-logins';
import type { SeedSizes } from './scales';

export interface SeedCityOptions {
  scale: SeedScale;
  /** The same seed gives the same city. */
  seed: number;
  progress?: Progress;
  /** Overrides of the scale's sizes, for tests: `{ residents: 500, enterprises: 50 }`. */
  sizes?: Partial<SeedSizes>;
}

export interface SeedCityReport {
  scale: SeedScale;
  seed: number;
  logins: number;
  seconds: number;
}

/** The database already holds a seeded city (or other data): seeding again would duplicate rows. */
export class AlreadySeededError extends Error {
  constructor(reason: string) {
    super(
      `This database is already seeded (${reason}). Seed into an empty database: a new SANQU_DB file or DATABASE_URL.`,
    );
    this.name = 'AlreadySeededError';
  }
}

// argon2id hashing runs on libuv's thread pool: two at a time uses both cores of a small machine.
const LOGIN_CONCURRENCY = 2;

/**
 * Seeds the synthetic city: first the demo logins (bound to residents, enterprises and villages the registry
 * will hold — generation is deterministic, so they are known before a row is written), then every module's seed
 * hook in module order. Refuses a database that is already seeded.
 * @example await seedCity(platform, { scale: 'demo', seed: 20261129, progress: terminalProgress() });
 */
export async function seedCity(platform: Platform, options: SeedCityOptions): Promise<SeedCityReport> {
  const started = Date.now();
  const progress = options.progress ?? silentProgress;
  if (await platform.auth.findByUsername('admin'))
    throw new AlreadySeededError('the demo login "admin" exists');
  if (!(await platform.registry.isEmpty()))
    throw new AlreadySeededError('the registry holds residents or enterprises');

  const plan = planRegistry(platform.divisions, options.scale, options.seed, options.sizes);
  const users = demoUsers(demoSubjects(plan));
  progress.start('demo logins', users.length);
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      await platform.auth.createUser(user, null);
      progress.increment();
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, worker));
  progress.stop();

  const context = { platform, scale: options.scale, seed: options.seed, progress, sizes: options.sizes };
  for (const module of modules) await module.seed?.(context);
  return {
    scale: options.scale,
    seed: options.seed,
    logins: users.length,
    seconds: (Date.now() - started) / 1000,
  };
}
