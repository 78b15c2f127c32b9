import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../api/client';
import { ErrorMessage, Notice, useDocumentTitle } from '../components/ui';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.resetRequestTitle'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await request('/auth/v1/password-reset', { method: 'POST', body: { email: email.trim() }, anonymous: true });
      setSent(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card auth-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('auth.resetRequestTitle')}</h1>
      {sent ? (
        <Notice>{t('auth.resetRequested')}</Notice>
      ) : (
        <form onSubmit={submit}>
          <p>{t('auth.resetRequestIntro')}</p>
          <div className="field">
            <label htmlFor="email">{t('auth.email')}</label>
            <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />
          </div>
          <ErrorMessage error={error} />
          <button type="submit" className="button-primary wide" disabled={!email}>
            {t('auth.sendLink')}
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
      </p>
    </section>
  );
}
