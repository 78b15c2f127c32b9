import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../api/client';
import { CopyButton, ErrorMessage } from '../../components/ui';

/** The manual key in groups of four, as authenticator apps show and accept it. */
export function groupedKey(secret: string) {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** A 6-digit code field: digits only, one-time-code autofill, read left to right in Arabic too. */
export function CodeField({ id, value, onChange, label }: { id: string; value: string; onChange: (value: string) => void; label: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        dir="ltr"
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/[^0-9 ]/g, ''))}
      />
    </div>
  );
}

/** Enrolling an authenticator: the QR code, the key to type instead, and the first code that confirms it. */
export function EnrolmentPanel({ enrolment, onConfirm, pending, error }: {
  enrolment: Enrolment;
  onConfirm: (code: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(code.replace(/\s/g, ''));
  };
  return (
    <div className="enrolment">
      <h2>{t('security.scanTitle')}</h2>
      <ol className="steps">
        <li>{t('security.scanStep')}</li>
        <li>{t('security.codeStep')}</li>
      </ol>
      <img className="qr-code" src={enrolment.qr_code} alt={t('security.qrAlt')} width={200} height={200} />
      <div className="field">
        <span className="label" id="manual-key-label">{t('security.manualKey')}</span>
        <div className="secret-row">
          <code className="secret" dir="ltr" data-testid="manual-key">{groupedKey(enrolment.secret)}</code>
          <CopyButton text={enrolment.secret} />
        </div>
      </div>
      <form onSubmit={submit} noValidate>
        <CodeField id="enrol-code" label={t('security.code')} value={code} onChange={setCode} />
        <ErrorMessage error={error} />
        <button type="submit" className="button-primary" disabled={pending || code.replace(/\s/g, '').length !== 6}>
          {t('security.confirm')}
        </button>
      </form>
    </div>
  );
}

/** The recovery codes, shown this once: copy them, download them, and say they are saved before going on. */
export function RecoveryCodesPanel({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  const download = () => {
    const blob = new Blob([`${t('security.codesFileTitle')}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'partners-portal-recovery-codes.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="recovery-codes">
      <h2>{t('security.codesTitle')}</h2>
      <p>{t('security.codesIntro')}</p>
      <ul className="code-list" dir="ltr" aria-label={t('security.codesTitle')}>
        {codes.map((code) => (
          <li key={code}><code>{code}</code></li>
        ))}
      </ul>
      <div className="button-row">
        <CopyButton text={text} />
        <button type="button" className="button-secondary" onClick={download}>{t('app.download')}</button>
      </div>
      <div className="checkbox">
        <input id="codes-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor="codes-saved">{t('security.savedCodes')}</label>
      </div>
      <button type="button" className="button-primary" disabled={!saved} onClick={onDone}>{doneLabel ?? t('security.done')}</button>
    </div>
  );
}

/** A code from the app, or (on request) one of the recovery codes. */
export function SecondFactorFields({ idPrefix, value, onChange }: {
  idPrefix: string;
  value: { code: string; recoveryCode: string; useRecovery: boolean };
  onChange: (value: { code: string; recoveryCode: string; useRecovery: boolean }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {value.useRecovery ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-recovery`}>{t('security.recoveryCode')}</label>
          <input id={`${idPrefix}-recovery`} autoComplete="off" spellCheck={false} dir="ltr" required value={value.recoveryCode}
            onChange={(e) => onChange({ ...value, recoveryCode: e.target.value })} />
        </div>
      ) : (
        <CodeField id={`${idPrefix}-code`} label={t('security.code')} value={value.code} onChange={(code) => onChange({ ...value, code })} />
      )}
      <p>
        <button type="button" className="button-link" onClick={() => onChange({ ...value, useRecovery: !value.useRecovery })}>
          {value.useRecovery ? t('security.useCode') : t('security.useRecoveryCode')}
        </button>
      </p>
    </>
  );
}
