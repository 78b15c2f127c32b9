import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { request } from '../api/client';
import { ErrorMessage, Loading, useDocumentTitle } from '../components/ui';
import { formatDateTime } from '../format/dates';

interface LinkInfo {
  email: string;
  full_name?: string;
  expires_at: string;
}

const PATHS = {
  activation: { check: '/auth/v1/activation', submit: '/auth/v1/activation' },
  reset: { check: '/auth/v1/password-reset', submit: '/auth/v1/password-reset/confirm' },
};

/** The page a mailed activation or reset link opens: checks the link, then lets the user choose a password. */
export function LinkPasswordPage({ kind }: { kind: 'activation' | 'reset' }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const link = useQuery({
    queryKey: ['link', kind, token],
    queryFn: () => request<LinkInfo>(PATHS[kind].check, { query: { token }, anonymous: true }),
    retry: false,
  });
  const title = kind === 'activation' ? t('auth.activateTitle') : t('auth.resetTitle');
  useDocumentTitle(title);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await request(PATHS[kind].submit, { method: 'POST', body: { token, password }, anonymous: true });
      navigate(`/sign-in?email=${encodeURIComponent(link.data?.email ?? '')}`, {
        replace: true,
        state: { notice: kind === 'activation' ? 'auth.activated' : 'auth.passwordChanged' },
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card auth-card" aria-labelledby="link-title">
      <h1 id="link-title">{title}</h1>
      {link.isPending && <Loading />}
      {link.isError && (
        <>
          <ErrorMessage error={link.error} />
          <p>
            <Link to={kind === 'activation' ? '/sign-in' : '/forgot-password'}>{kind === 'activation' ? t('auth.backToSignIn') : t('auth.resetRequestTitle')}</Link>
          </p>
        </>
      )}
      {link.data && (
        <form onSubmit={submit}>
          <p>
            {kind === 'activation'
              ? t('auth.activateIntro', { name: link.data.full_name ?? '', email: link.data.email })
              : t('auth.resetIntro', { email: link.data.email })}
          </p>
          <p className="muted">{t('auth.linkExpires', { date: formatDateTime(link.data.expires_at, Intl.DateTimeFormat().resolvedOptions().timeZone, i18n.language) })}</p>
          <div className="field">
            <label htmlFor="new-password">{t('auth.newPassword')}</label>
            <input id="new-password" type="password" autoComplete="new-password" required minLength={12} maxLength={128} aria-describedby="password-hint" value={password} onChange={(e) => setPassword(e.target.value)} dir="ltr" />
            <p id="password-hint" className="hint">
              {t('auth.passwordHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="confirm-password">{t('auth.confirmPassword')}</label>
            <input id="confirm-password" type="password" autoComplete="new-password" required value={confirmation} onChange={(e) => setConfirmation(e.target.value)} dir="ltr" aria-invalid={mismatch} />
          </div>
          {mismatch && (
            <p className="alert alert-error" role="alert">
              {t('auth.mismatch')}
            </p>
          )}
          <ErrorMessage error={error} />
          <button type="submit" className="button-primary wide" disabled={busy || !password || !confirmation}>
            {kind === 'activation' ? t('auth.activate') : t('auth.setPassword')}
          </button>
        </form>
      )}
    </section>
  );
}
