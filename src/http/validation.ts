import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { ErrorDetail, Language, MessageKey } from '../kernel/errors';
import { translate } from '../kernel/errors';

// Bodies are validated strictly: a string where a number belongs is an error, not a guess. Query strings and
// path parameters arrive as text, so there types are coerced.
const options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;

function makeAjv(coerceTypes: false | 'array', externalSchemas: Record<string, unknown>) {
  const ajv = addFormats.default(new Ajv({ ...options, coerceTypes }));
  for (const schema of Object.values(externalSchemas)) ajv.addSchema(schema as object);
  return ajv;
}

/**
 * Fastify's validator factory. It is given to `schemaController` rather than `setValidatorCompiler` because Fastify
 * rebuilds the compiler for every plugin that adds shared schemas, and would quietly fall back to its default there.
 */
export function buildValidator(externalSchemas: Record<string, unknown>) {
  const strict = makeAjv(false, externalSchemas);
  const coercing = makeAjv('array', externalSchemas);
  return ({ schema, httpPart }: { schema: unknown; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object);
}

/** Turns Ajv's errors into the shared detail list, one entry per field, in the caller's language. */
export function validationDetails(
  errors: readonly ErrorObject[],
  part: string,
  language: Language,
): ErrorDetail[] {
  return errors.map((error) => {
    const base = `${part}${error.instancePath.replace(/\//g, '.')}`;
    const [key, params, path] = describe(error, base);
    return { path, message: translate(key, language, params) };
  });
}

function describe(error: ErrorObject, path: string): [MessageKey, Record<string, string | number>, string] {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return [
        'unknownField',
        { field: String(p.additionalProperty) },
        `${path}.${String(p.additionalProperty)}`,
      ];
    case 'required':
      return ['missingField', { field: String(p.missingProperty) }, `${path}.${String(p.missingProperty)}`];
    case 'type':
      return ['wrongType', { type: String(p.type) }, path];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return ['outOfRange', { constraint: `${p.comparison ?? error.keyword} ${String(p.limit)}` }, path];
    case 'pattern':
      return ['badFormat', { constraint: String(p.pattern) }, path];
    case 'format':
      return ['badFormat', { constraint: String(p.format) }, path];
    case 'enum':
      return ['notAllowedValue', { allowed: (p.allowedValues as unknown[]).join(', ') }, path];
    case 'const':
      return ['notAllowedValue', { allowed: String(p.allowedValue) }, path];
    default:
      return ['invalidValue', { reason: error.message ?? error.keyword }, path];
  }
}
