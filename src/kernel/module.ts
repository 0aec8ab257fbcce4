import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { PolicyRule } from './auth/policy';
import type { Migration } from './db';
import type { Progress } from './progress';

/** The Fastify instance routes are written against: JSON-schema'd with TypeBox. */
export type SanquApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export type SeedScale = 'demo' | 'county' | 'full';

/** What a module's seed hook receives; `Platform` is the assembled platform (src/platform.ts). */
export interface SeedContext<Platform> {
  platform: Platform;
  scale: SeedScale;
  /** The run's seed: the same seed gives the same city. */
  seed: number;
  progress: Progress;
}

/**
 * A module (or kernel component): its name (URL segment under /api/v1 and table prefix), its migrations,
 * its routes, its policies and its seed hook. Other code reaches a module only through its index.ts.
 */
export interface ModuleDefinition<Platform> {
  name: string;
  migrations?: Record<string, Migration>;
  policies?: readonly PolicyRule[];
  /** Registered under /api/v1/<name>. */
  routes?: (app: SanquApp, platform: Platform) => Promise<void>;
  /**
   * Runs whenever the platform opens, after migrations: brings shipped reference data (data/) into the
   * database. Must be idempotent and quick.
   */
  start?: (platform: Platform) => Promise<void>;
  /** Runs after the kernel's own seed (users, divisions), in module order. */
  seed?: (context: SeedContext<Platform>) => Promise<void>;
}
