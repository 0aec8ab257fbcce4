import type { FastifyServerOptions } from 'fastify';
import { redactPersonalData } from '../kernel/identity';

/** Replaces ID numbers and phones in every string of a log record (PIPL: logs carry no personal identifiers). */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return {
      type: value.name,
      message: redactPersonalData(value.message),
      stack: value.stack && redactPersonalData(value.stack),
    };
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  // Requests, replies and other class instances are left to their serializers (below), which see them later.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)]));
}

/** pino options: request ids, no credentials, no personal identifiers. */
export function loggerOptions(
  level: string,
  destination?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'password'],
      censor: '[redacted]',
    },
    formatters: { log: (record) => redactDeep(record) as Record<string, unknown> },
    serializers: {
      req: (request: { method: string; url: string; ip?: string; id?: string }) => ({
        method: request.method,
        url: redactPersonalData(request.url),
        remoteAddress: request.ip,
      }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? redactPersonalData(a) : a)) as Parameters<typeof method>,
        );
      },
    },
    ...(destination ? { stream: destination } : {}),
  };
}
