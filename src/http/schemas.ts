import { type TSchema, Type } from '@sinclair/typebox';

/** The shared error shape, referenced by every route's error responses. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: Type.String({
        description: 'A sentence a person can act on, in zh-CN or en by Accept-Language',
      }),
      details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    }),
  },
  { $id: 'ErrorBody', title: 'ErrorBody' },
);

const errorRef = Type.Ref('ErrorBody');

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorRef]));
}

/** Request bodies reject unknown fields: a typo must not be silently ignored. */
export const Strict = { additionalProperties: false } as const;

/** A string that must be one of `values`, typed as their union (TypeBox's Union of Literals loses the type over arrays). */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
