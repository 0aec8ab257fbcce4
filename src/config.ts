import { type DatabaseConfig, databaseConfigFromEnv } from './kernel/db';
import type { SeedScale } from './kernel/module';

/** Every setting the platform reads from the environment, in one place (README lists them). */
export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  logLevel: string;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  cookieSecure: boolean;
  /** Login attempts per IP per minute, on top of per-account lockout. */
  loginRatePerMinute: number;
  /** What `serve` seeds into an empty database; `none` seeds nothing. */
  seedScale: SeedScale | 'none';
  seed: number;
  /** Where the built web app is served from. */
  webRoot: string;
  /** Behind a load balancer: trust X-Forwarded-For from it, so per-IP limits see the client, not the proxy. */
  trustProxy: boolean | string;
  /** When set, /metrics answers only with `Authorization: Bearer <token>`. */
  metricsToken: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const scale = env.SANQU_SEED_SCALE ?? 'demo';
  if (!['demo', 'county', 'full', 'none'].includes(scale)) {
    throw new Error(`SANQU_SEED_SCALE must be demo, county, full or none (got "${scale}")`);
  }
  return {
    port: integer(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    database: databaseConfigFromEnv(env),
    bodyLimit: integer(env.SANQU_BODY_LIMIT, 1_048_576, 'SANQU_BODY_LIMIT'),
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: env.SANQU_COOKIE_SECURE === '1' || env.SANQU_COOKIE_SECURE === 'true',
    loginRatePerMinute: integer(env.SANQU_LOGIN_RATE, 30, 'SANQU_LOGIN_RATE'),
    seedScale: scale as Config['seedScale'],
    seed: integer(env.SANQU_SEED, 20261129, 'SANQU_SEED'),
    webRoot: env.SANQU_WEB_ROOT ?? 'dist/web',
    trustProxy: trustProxy(env.SANQU_TRUST_PROXY),
    metricsToken: env.SANQU_METRICS_TOKEN || null,
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer (got "${value}")`);
  return n;
}

/** `1`/`true` trusts every proxy hop; anything else is passed to Fastify as addresses or CIDRs ("10.0.0.0/8"). */
function trustProxy(value: string | undefined): boolean | string {
  if (!value || value === '0' || value === 'false') return false;
  return value === '1' || value === 'true' ? true : value;
}
