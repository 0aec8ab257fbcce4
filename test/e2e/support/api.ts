import { DEMO_PASSWORD } from './app-actions';

/** Signs a demo user in over the API (no browser) and returns the bearer token. */
export async function apiToken(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`e2e: login of ${username} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** GET an API path (below /api/v1) as the token's user; throws unless it answers 200. */
export async function apiGet<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`e2e: GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
