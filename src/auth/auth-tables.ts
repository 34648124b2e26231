// The auth tables (created by src/db/migrations/0002_auth.ts and 0010_auth_login_failures.ts),
// added to the shared Database type.
import type { Generated } from 'kysely';

export interface AuthUserTable {
  id: string;
  account_id: string;
  /** Trimmed and lower-cased; unique per account. */
  email: string;
  password_hash: string;
  created_at: string;
}

export interface AuthSessionTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  token_hash: string;
  account_id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: Generated<string | null>;
}

/** One failed login (login-throttle.ts); rows older than the throttle's window are swept. */
export interface LoginFailureTable {
  id: string;
  /** SHA-256 of the normalised email: the address itself is not kept */
  email_hash: string;
  failed_at: string;
}

declare module '../db/schema.ts' {
  interface Database {
    auth_user: AuthUserTable;
    auth_session: AuthSessionTable;
    api_token: ApiTokenTable;
    login_failure: LoginFailureTable;
  }
}
