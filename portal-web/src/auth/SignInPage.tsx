import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import {
  completeSignIn, confirmSignInEnrolment, signIn, startSession, startSignInEnrolment,
  type Enrolment, type TokenPair,
} from '../api/client';
import { ErrorMessage, Notice, useDocumentTitle } from '../components/ui';
import { EnrolmentPanel, RecoveryCodesPanel, SecondFactorFields } from '../features/security/TwoStepParts';
import { useSession } from './AuthContext';

/**
 * Where a sign-in stands: the password; then, for a user with two-step verification, the code (or a recovery code);
 * or, when the team requires it and the user has none, setting up an authenticator and saving the recovery codes.
 * Tokens come only at the end, and the session starts only once the user has seen what they must keep.
 */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'enrol'; challenge: string; enrolment: Enrolment }
  | { kind: 'codes'; pair: TokenPair; codes: string[] }
  | { kind: 'recovered'; pair: TokenPair; remaining: number };

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState({ code: '', recoveryCode: '', useRecovery: false });
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = step.kind === 'code' ? t('auth.codeTitle') : step.kind === 'enrol' || step.kind === 'codes' ? t('auth.enrolTitle') : t('auth.signInTitle');
  useDocumentTitle(title);
  const next = params.get('next');
  if (session) return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const startOver = () => {
    setStep({ kind: 'password' });
    setPassword('');
    setFactor({ code: '', recoveryCode: '', useRecovery: false });
    setError(null);
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const challenge = await signIn(email.trim(), password);
      if (challenge?.next_step === 'second_factor') setStep({ kind: 'code', challenge: challenge.challenge_token });
      if (challenge?.next_step === 'enrolment') {
        setStep({ kind: 'enrol', challenge: challenge.challenge_token, enrolment: await startSignInEnrolment(challenge.challenge_token) });
      }
    });
  };
  const submitCode = (challenge: string) => (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const pair = await completeSignIn(challenge, factor.useRecovery ? { recovery_code: factor.recoveryCode.trim() } : { code: factor.code.replace(/\s/g, '') });
      if (pair.recovery_codes_remaining !== undefined) setStep({ kind: 'recovered', pair, remaining: pair.recovery_codes_remaining });
      else startSession(pair);
    });
  };
  const confirmEnrolment = (challenge: string) => (code: string) =>
    void run(async () => {
      const pair = await confirmSignInEnrolment(challenge, code);
      setStep({ kind: 'codes', pair, codes: pair.recovery_codes ?? [] });
    });

  return (
    <section className={`card auth-card${step.kind === 'enrol' || step.kind === 'codes' ? ' wide' : ''}`} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{title}</h1>
      {step.kind === 'password' && (
        <>
          {(location.state as { notice?: string } | null)?.notice && <Notice>{t((location.state as { notice: string }).notice)}</Notice>}
          <form onSubmit={submitPassword} noValidate>
            <div className="field">
              <label htmlFor="email">{t('auth.email')}</label>
              <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />
            </div>
            <div className="field">
              <label htmlFor="password">{t('auth.password')}</label>
              <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} dir="ltr" />
            </div>
            <ErrorMessage error={error} />
            <button type="submit" className="button-primary wide" disabled={busy || !email || !password}>
              {busy ? t('auth.signingIn') : t('auth.signIn')}
            </button>
          </form>
          <p>
            <Link to="/forgot-password">{t('auth.forgot')}</Link>
          </p>
        </>
      )}
      {step.kind === 'code' && (
        <form onSubmit={submitCode(step.challenge)} noValidate>
          <p>{factor.useRecovery ? t('auth.recoveryIntro') : t('auth.codeIntro')}</p>
          <SecondFactorFields idPrefix="sign-in" value={factor} onChange={setFactor} />
          <ErrorMessage error={error} />
          <button type="submit" className="button-primary wide"
            disabled={busy || (factor.useRecovery ? !factor.recoveryCode.trim() : factor.code.replace(/\s/g, '').length !== 6)}>
            {t('auth.verify')}
          </button>
          <p>
            <button type="button" className="button-link" onClick={startOver}>{t('auth.startOver')}</button>
          </p>
        </form>
      )}
      {step.kind === 'enrol' && (
        <>
          <p>{t('auth.enrolIntro')}</p>
          <EnrolmentPanel enrolment={step.enrolment} onConfirm={confirmEnrolment(step.challenge)} pending={busy} error={error} />
          <p>
            <button type="button" className="button-link" onClick={startOver}>{t('auth.startOver')}</button>
          </p>
        </>
      )}
      {step.kind === 'codes' && (
        <RecoveryCodesPanel codes={step.codes} onDone={() => startSession(step.pair)} doneLabel={t('auth.continueToPortal')} />
      )}
      {step.kind === 'recovered' && (
        <>
          <p className="alert alert-info" role="status">{t('auth.recoveryUsed', { count: step.remaining })}</p>
          <button type="button" className="button-primary wide" onClick={() => startSession(step.pair)}>{t('auth.continueToPortal')}</button>
        </>
      )}
    </section>
  );
}
