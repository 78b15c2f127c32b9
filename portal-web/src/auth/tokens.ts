/**
 * The signed-in session: the short-lived access token (a JWT whose claims say who the user is and what they may
 * do) and the rotating refresh token. Kept in sessionStorage: the tab's own, gone when it closes.
 */
export interface Claims {
  sub: string;
  merchant_id?: string;
  entities: string[];
  permissions: string[];
  role: string;
  email: string;
  name: string;
  locale: string;
  exp: number;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  claims: Claims;
}

const KEY = 'portal.session';

export function decodeClaims(accessToken: string): Claims {
  const payload = accessToken.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json);
  return { entities: [], permissions: [], ...claims };
}

export function loadSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  try {
    const { accessToken, refreshToken } = JSON.parse(stored);
    return { accessToken, refreshToken, claims: decodeClaims(accessToken) };
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function saveSession(accessToken: string, refreshToken: string): Session {
  sessionStorage.setItem(KEY, JSON.stringify({ accessToken, refreshToken }));
  return { accessToken, refreshToken, claims: decodeClaims(accessToken) };
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}
