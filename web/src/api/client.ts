import i18n from '../i18n/i18n';
import { ApiError, isApiErrorBody } from './api-error';

const API_BASE = '/api/v1';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` where points or money move. */
  headers?: Record<string, string>;
}

/**
 * Calls the Sanqu API with the session cookie and the UI language.
 * Resolves with the parsed JSON (or `undefined` for 204); rejects with {@link ApiError}.
 * @example const { user } = await apiFetch<MeResponse>('/auth/me');
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language,
    ...request.headers,
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: request.method ?? 'GET',
      headers,
      // The HTTP-only session cookie is the web's credential; the token is never stored.
      credentials: 'same-origin',
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw toApiError(response, payload);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : null;
  if (isApiErrorBody(payload)) {
    const { code, message, details } = payload.error;
    return new ApiError(response.status, code, message, details ?? [], retryAfterSeconds);
  }
  const message = i18n.t('errors.unexpected', { status: response.status });
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', message, [], retryAfterSeconds);
}
