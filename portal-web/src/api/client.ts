import { ApiError, toApiError } from './problem';
import { clearSession, loadSession, saveSession, type Session } from '../auth/tokens';

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let current: Session | null = loadSession();
let refreshing: Promise<Session | null> | null = null;

export function session() {
  return current;
}

export function onSessionChange(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(next: Session | null) {
  current = next;
  if (!next) clearSession();
  listeners.forEach((listener) => listener(next));
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  /** After a recovery code: how many are left. */
  recovery_codes_remaining?: number;
  /** After enrolling at sign-in: the new recovery codes, shown once. */
  recovery_codes?: string[];
}

/** A correct password that needs one more step before any token: a code, or enrolling an authenticator. */
export interface SignInChallenge {
  next_step: 'second_factor' | 'enrolment';
  challenge_token: string;
  expires_at: string;
}

/** What to show to enrol an authenticator: the QR code (an image address), the key to type, the otpauth URI. */
export interface Enrolment {
  secret: string;
  otpauth_uri: string;
  qr_code: string;
  expires_at: string;
}

/** Signs in when the password is all it takes; otherwise answers the next step. */
export async function signIn(email: string, password: string): Promise<SignInChallenge | null> {
  const answer = await request<TokenPair | SignInChallenge>('/auth/v1/sign-in', { method: 'POST', body: { email, password }, anonymous: true });
  if ('access_token' in answer) {
    startSession(answer);
    return null;
  }
  return answer;
}

/** The second step: a code from the authenticator or a recovery code. The caller starts the session. */
export function completeSignIn(challenge: string, proof: { code: string } | { recovery_code: string }) {
  return request<TokenPair>('/auth/v1/sign-in/second-factor', { method: 'POST', body: { challenge_token: challenge, ...proof }, anonymous: true });
}

export function startSignInEnrolment(challenge: string) {
  return request<Enrolment>('/auth/v1/sign-in/enrolment', { method: 'POST', body: { challenge_token: challenge }, anonymous: true });
}

/** Confirms the new authenticator; the answer carries the tokens and the recovery codes to show before starting. */
export function confirmSignInEnrolment(challenge: string, code: string) {
  return request<TokenPair>('/auth/v1/sign-in/enrolment/confirmation', { method: 'POST', body: { challenge_token: challenge, code }, anonymous: true });
}

export function startSession(pair: TokenPair) {
  setSession(saveSession(pair.access_token, pair.refresh_token));
}

export async function signOut() {
  const refreshToken = current?.refreshToken;
  setSession(null);
  if (refreshToken) {
    await fetch('/auth/v1/sign-out', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    }).catch(() => undefined);
  }
}

/**
 * One refresh at a time: identity revokes the whole session when a refresh token is presented twice, so
 * parallel requests that find the access token expired share the same refresh.
 */
function refresh(): Promise<Session | null> {
  if (!refreshing) {
    const refreshToken = current?.refreshToken;
    refreshing = (async () => {
      if (!refreshToken) return null;
      const response = await fetch('/auth/v1/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      });
      if (!response.ok) {
        setSession(null);
        return null;
      }
      const pair: TokenPair = await response.json();
      const next = saveSession(pair.access_token, pair.refresh_token);
      setSession(next);
      return next;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function expiresSoon(s: Session) {
  return s.claims.exp * 1000 - Date.now() < 30_000;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  anonymous?: boolean;
  idempotencyKey?: string;
}

export function withQuery(path: string, query?: RequestOptions['query']) {
  if (!query) return path;
  const params = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  });
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path: string, options: RequestOptions, accessToken?: string) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return fetch(withQuery(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

async function authorised(path: string, options: RequestOptions): Promise<Response> {
  if (options.anonymous) return send(path, options);
  let s = current;
  if (s && expiresSoon(s)) s = await refresh();
  if (!s) throw new ApiError(401, 'Not signed in', [{ error_code: 'unauthenticated' }]);
  let response = await send(path, options, s.accessToken);
  if (response.status === 401) {
    s = await refresh();
    if (!s) throw new ApiError(401, 'Not signed in', [{ error_code: 'unauthenticated' }]);
    response = await send(path, options, s.accessToken);
  }
  return response;
}

/** A JSON call to the gateway; a refusal becomes an {@link ApiError} carrying the problem's codes. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await authorised(path, options);
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 202 && response.headers.get('Content-Length') === '0') {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a file that needs the access token (a CSV, PDF or zip) and hands it to the browser. */
export async function download(path: string, fallbackName: string, query?: RequestOptions['query']) {
  const response = await authorised(path, { query });
  if (!response.ok) throw await toApiError(response);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function newIdempotencyKey() {
  return crypto.randomUUID();
}
