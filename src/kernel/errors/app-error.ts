import { type Language, type MessageKey, translate } from './messages';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error shape every API answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

/**
 * A failure the caller can act on: carries an HTTP status, a stable code and a message key rendered
 * in the caller's language. Services throw these; the HTTP layer presents them.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
    /** Extra response headers, e.g. Retry-After on a lockout. */
    readonly headers: Record<string, string> = {},
  ) {
    super(translate(messageKey, 'en', params));
    this.name = 'AppError';
  }

  toBody(language: Language): ErrorBody {
    return {
      error: {
        code: this.code,
        message: translate(this.messageKey, language, this.params),
        details: this.details,
      },
    };
  }
}

export const notFound = (resource: string, id: string) =>
  new AppError(404, 'NOT_FOUND', 'notFound', { resource, id });
export const forbidden = () => new AppError(403, 'FORBIDDEN', 'forbidden');
export const conflict = (messageKey: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError(409, 'CONFLICT', messageKey, params);
export const invalid = (
  messageKey: MessageKey,
  params: Record<string, string | number> = {},
  details: ErrorDetail[] = [],
) => new AppError(422, 'INVALID', messageKey, params, details);
