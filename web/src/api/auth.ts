import { apiFetch } from './client';

/** The seven platform roles (see ARCHITECTURE.md, Security and privacy). */
export type Role = 'resident' | 'enterprise_agent' | 'collective' | 'officer' | 'bank' | 'auditor' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  divisionCode: string | null;
  divisionName: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

interface MeResponse {
  user: User;
}

/** Signs in; the server sets the HTTP-only `sanqu_session` cookie. The token in the body is ignored. */
export async function login(credentials: LoginRequest): Promise<User> {
  const response = await apiFetch<LoginResponse>('/auth/login', { method: 'POST', body: credentials });
  return response.user;
}

export async function logout(): Promise<void> {
  await apiFetch<void>('/auth/logout', { method: 'POST' });
}

export async function fetchMe(signal?: AbortSignal): Promise<User> {
  const response = await apiFetch<MeResponse>('/auth/me', { signal });
  return response.user;
}
