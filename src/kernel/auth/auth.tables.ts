export interface AuthUserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  department: string | null;
  division_code: string | null;
  subject_id: string | null;
  failed_attempts: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

/** A session is stored by the SHA-256 of its token, so a leaked table cannot be replayed. */
export interface AuthSessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuthTables {
  auth_users: AuthUserTable;
  auth_sessions: AuthSessionTable;
}
