import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { formatAmount, formatMoney } from '../format/money';
import { formatDateTime, formatDay } from '../format/dates';
import type { Money as MoneyValue } from '../api/types';
import { useEntityZone } from './entities';

/** Turns a refusal into words: the API's error code, translated, with its data filled in. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('errors.network');
    let code = error.code;
    const data = error.data;
    if (data.reason === 'replaced' && code.endsWith('_expired')) code = code.replace('_expired', '_replaced');
    const values: Record<string, unknown> = { ...data, seconds: error.retryAfter ?? data.retry_after_seconds ?? 60, code };
    if (code === 'invalid_order_status') {
      values.old_status = t(`status.${data.old_status}`, { defaultValue: String(data.old_status) });
      values.operation = t(`orders.${data.operation}`, { defaultValue: String(data.operation ?? '') }).toLowerCase();
    }
    if (code === 'invalid_field' && i18n.language === 'en' && error.message) return `${t('errors.invalid_field', values)} ${error.message}`;
    if (i18n.exists(`errors.${code}`)) return t(`errors.${code}`, values);
    if (error.status === 404) return t('errors.not_found');
    if (error.status === 403) return t('errors.forbidden');
    return `${t('errors.generic', { code })} ${error.message && error.message !== 'undefined' ? error.message : ''}`.trim();
  };
}

export function ErrorMessage({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert">
      {text(error)}
    </p>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-success" role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

const BADGE: Record<string, string> = {
  new: 'info', approved: 'info', authorised: 'info', updated: 'info', queued: 'info', running: 'info', invited: 'info', pending: 'info',
  partially_captured: 'ok', fully_captured: 'ok', active: 'ok', settled: 'ok', done: 'ok', succeeded: 'ok', delivered: 'ok', enabled: 'ok',
  partially_refunded: 'warn', fully_refunded: 'warn', not_settled: 'warn', carried_forward: 'warn',
  declined: 'bad', expired: 'muted', canceled: 'muted', disabled: 'muted', failed: 'bad', revoked: 'muted',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${BADGE[status] ?? 'muted'}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

/** An amount with its currency; `plain` for the number alone where the row or caption names the currency. */
export function Amount({ money, plain = false }: { money?: MoneyValue | null; plain?: boolean }) {
  const { i18n } = useTranslation();
  return <span className="amount">{(plain ? formatAmount : formatMoney)(money, i18n.language)}</span>;
}

/** An instant in the legal entity's time zone (the merchant's first entity's when none is named). */
export function DateTime({ value, entityId }: { value?: string | null; entityId?: string }) {
  const { i18n } = useTranslation();
  const zone = useEntityZone(entityId);
  return value ? <time dateTime={value}>{formatDateTime(value, zone, i18n.language)}</time> : <>—</>;
}

export function Day({ value }: { value?: string | null }) {
  const { i18n } = useTranslation();
  return value ? <time dateTime={value}>{formatDay(value, i18n.language)}</time> : <>—</>;
}

/**
 * A modal dialog on the native &lt;dialog&gt;: focus moves into it and stays there, Escape closes it, and focus
 * returns to the button that opened it.
 */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The first field, not the close button, takes the focus.
      dialog.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <header className="dialog-header">
            <h2 id="dialog-title">{title}</h2>
            <button type="button" className="button-ghost icon" onClick={onClose} aria-label={t('app.close')}>
              ×
            </button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}

export function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button-secondary"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? t('app.copied') : t('app.copy')}
    </button>
  );
}

/** The browser tab names the page (WCAG 2.4.2). */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

/** `title` names the browser tab; `heading`, when given, is the page's heading with a value someone typed isolated. */
export function PageHeader({ title, heading, children }: { title: string; heading?: ReactNode; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <h1>{heading ?? title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}

/** Under a paged list: "no results" when it is empty, and the button that loads the next page while there is one. */
export function ListFooter({ empty, pages, emptyText }: {
  empty: boolean;
  pages: { hasNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  emptyText?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {empty && <p className="empty">{emptyText ?? t('app.noResults')}</p>}
      {pages.hasNextPage && (
        <div className="table-footer">
          <button type="button" className="button-secondary" onClick={() => void pages.fetchNextPage()}>{t('app.more')}</button>
        </div>
      )}
    </>
  );
}
