import client from 'prom-client';
import type { SanquApp } from '../kernel/module';
import type { Platform } from '../platform';

/**
 * Prometheus metrics at /metrics: request counts and latencies by route, the database pool, and Node's defaults.
 * Each app has its own registry so several apps (tests) never collide.
 */
export function installMetrics(app: SanquApp, platform: Platform, token: string | null) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: 'sanqu_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'sanqu_http_request_duration_seconds',
    help: 'HTTP request latency by method and route template',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pool = platform.database.pool;
  new client.Gauge({
    name: 'sanqu_db_pool_connections',
    help: 'Database connections by state (SQLite: one embedded connection)',
    labelNames: ['dialect', 'state'],
    registers: [registry],
    collect() {
      const dialect = platform.database.dialect;
      this.set({ dialect, state: 'total' }, pool ? pool.totalCount : 1);
      this.set({ dialect, state: 'idle' }, pool ? pool.idleCount : 0);
      this.set({ dialect, state: 'waiting' }, pool ? pool.waitingCount : 0);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs are grouped, so scanners cannot blow up the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      return reply
        .status(401)
        .send({ error: { code: 'UNAUTHENTICATED', message: 'metrics need the bearer token', details: [] } });
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
