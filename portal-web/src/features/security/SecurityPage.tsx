import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request, type Enrolment } from '../../api/client';
import type { SecondFactorStatus } from '../../api/types';
import { DateTime, ErrorMessage, Loading, Notice, PageHeader } from '../../components/ui';
import { EnrolmentPanel, RecoveryCodesPanel, SecondFactorFields } from './TwoStepParts';

type Mode = 'enable' | 'replace' | 'codes' | 'disable';

const ME = '/portal/v1/me/second-factor';

/** The signed-in user's security section: their two-step verification. */
export function SecurityPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['second-factor'], queryFn: () => request<SecondFactorStatus>(ME) });
  const [mode, setMode] = useState<Mode | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const finish = (message: string) => {
    setMode(null);
    setEnrolment(null);
    setCodes(null);
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: ['second-factor'] });
  };
  const confirm = useMutation({
    mutationFn: (code: string) => request<{ recovery_codes: string[] }>(`${ME}/enrolment/confirmation`, { method: 'POST', body: { code } }),
    onSuccess: (answer) => setCodes(answer.recovery_codes),
  });
  const start = (next: Mode) => {
    setNotice(null);
    setEnrolment(null);
    setCodes(null);
    confirm.reset();
    setMode(next);
  };

  const current = status.data;
  return (
    <>
      <PageHeader title={t('security.title')} />
      {notice && <Notice>{notice}</Notice>}
      {status.isPending && <Loading />}
      <ErrorMessage error={status.error} />
      {current && (
        <section className="card" aria-labelledby="two-step-title">
          <h2 id="two-step-title">
            {t('security.twoStep')}{' '}
            <span className={`badge badge-${current.enabled ? 'ok' : 'muted'}`}>{current.enabled ? t('security.on') : t('security.off')}</span>
          </h2>
          {current.enabled ? (
            <>
              <p>{t('security.onSince')} <DateTime value={current.enabled_at} /></p>
              <p>{t('security.recoveryLeft', { count: current.recovery_codes_remaining })}</p>
            </>
          ) : (
            <p>{t('security.offIntro')}</p>
          )}
          {current.required_by_team && <p className="alert alert-info">{t('security.requiredByTeam')}</p>}
          {!mode && (
            <div className="button-row">
              {!current.enabled && <button type="button" className="button-primary" onClick={() => start('enable')}>{t('security.turnOn')}</button>}
              {current.enabled && <button type="button" className="button-secondary" onClick={() => start('replace')}>{t('security.replace')}</button>}
              {current.enabled && <button type="button" className="button-secondary" onClick={() => start('codes')}>{t('security.newCodes')}</button>}
              {current.enabled && !current.required_by_team && (
                <button type="button" className="button-secondary danger" onClick={() => start('disable')}>{t('security.turnOff')}</button>
              )}
            </div>
          )}
          {mode && !enrolment && !codes && (
            <ProofForm
              mode={mode}
              needsCode={current.enabled}
              onCancel={() => setMode(null)}
              onEnrolment={setEnrolment}
              onCodes={setCodes}
              onDisabled={() => finish(t('security.disabled'))}
            />
          )}
          {enrolment && !codes && (
            <EnrolmentPanel enrolment={enrolment} onConfirm={(code) => confirm.mutate(code)} pending={confirm.isPending} error={confirm.error} />
          )}
          {codes && (
            <RecoveryCodesPanel
              codes={codes}
              onDone={() => finish(t(mode === 'replace' ? 'security.replaced' : mode === 'codes' ? 'security.codesReplaced' : 'security.enabled'))}
            />
          )}
        </section>
      )}
    </>
  );
}

/** Proving it is you: the password, and a code (or a recovery code) once two-step verification is on. */
function ProofForm({ mode, needsCode, onCancel, onEnrolment, onCodes, onDisabled }: {
  mode: Mode;
  needsCode: boolean;
  onCancel: () => void;
  onEnrolment: (enrolment: Enrolment) => void;
  onCodes: (codes: string[]) => void;
  onDisabled: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState({ code: '', recoveryCode: '', useRecovery: false });
  const submit = useMutation({
    mutationFn: async () => {
      const body: Record<string, string> = { password };
      if (needsCode) {
        if (factor.useRecovery) body.recovery_code = factor.recoveryCode.trim();
        else body.code = factor.code.replace(/\s/g, '');
      }
      if (mode === 'enable' || mode === 'replace') onEnrolment(await request<Enrolment>(`${ME}/enrolment`, { method: 'POST', body }));
      else if (mode === 'codes') onCodes((await request<{ recovery_codes: string[] }>(`${ME}/recovery-codes`, { method: 'POST', body })).recovery_codes);
      else {
        await request(`${ME}/disable`, { method: 'POST', body });
        onDisabled();
      }
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const complete = password && (!needsCode || (factor.useRecovery ? factor.recoveryCode.trim() : factor.code.replace(/\s/g, '').length === 6));
  return (
    <form onSubmit={onSubmit} noValidate className="proof-form">
      <h3>{t(`security.modeTitle.${mode}`)}</h3>
      <p>{needsCode ? t('security.passwordAndCodeIntro') : t('security.passwordIntro')}</p>
      <div className="field">
        <label htmlFor="proof-password">{t('auth.password')}</label>
        <input id="proof-password" type="password" autoComplete="current-password" required dir="ltr" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {needsCode && <SecondFactorFields idPrefix="proof" value={factor} onChange={setFactor} />}
      <ErrorMessage error={submit.error} />
      <div className="button-row">
        <button type="button" className="button-ghost" onClick={onCancel}>{t('app.cancel')}</button>
        <button type="submit" className={mode === 'disable' ? 'button-primary danger' : 'button-primary'} disabled={submit.isPending || !complete}>
          {mode === 'disable' ? t('security.turnOff') : t('security.continue')}
        </button>
      </div>
    </form>
  );
}
