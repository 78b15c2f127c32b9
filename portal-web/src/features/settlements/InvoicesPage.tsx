import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download, request } from '../../api/client';
import type { ClearanceStatus, Invoice } from '../../api/types';
import { useCan } from '../../auth/AuthContext';
import { EntitySelect, useEntityChoice, useEntityName, useEntityZone } from '../../components/entities';
import { Amount, Day, ErrorMessage, Loading, PageHeader, ListFooter } from '../../components/ui';
import { formatMonth, todayIn } from '../../format/dates';
import { UserText } from '../../components/UserText';

/** Files exist once ZATCA has cleared the document (or, with clearance off, it was reported). */
const SHAREABLE: ClearanceStatus[] = ['cleared', 'cleared_with_warnings', 'reported', 'phase_1'];
const CLEARANCE_BADGE: Record<ClearanceStatus, string> = {
  pending: 'info', cleared: 'ok', cleared_with_warnings: 'ok', reported: 'ok', rejected: 'bad', phase_1: 'muted',
};

function ClearanceBadge({ status }: { status: ClearanceStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${CLEARANCE_BADGE[status] ?? 'muted'}`}>{t(`invoices.clearance.${status}`, { defaultValue: status })}</span>;
}

export function InvoicesPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const entityName = useEntityName();
  const zone = useEntityZone();
  const entityChoice = useEntityChoice();
  const entity = entityChoice.value;
  const [from, setFrom] = useState(() => `${todayIn(zone).slice(0, 4)}-01-01`);
  const [to, setTo] = useState(() => todayIn(zone));
  const [fileError, setFileError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const invoices = useInfiniteQuery({
    queryKey: ['invoices', entity],
    queryFn: ({ pageParam }) =>
      request<{ invoices: Invoice[]; next_cursor?: string }>('/portal/v1/invoices', { query: { legal_entity_id: entity, limit: 25, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: entityChoice.ready,
  });
  const rows = invoices.data?.pages.flatMap((p) => p.invoices) ?? [];
  const file = (invoice: Invoice, kind: 'pdf' | 'xml') => {
    setFileError(null);
    download(`/portal/v1/invoices/${invoice.invoice_id}/${kind}`, `${invoice.invoice_number}.${kind}`).catch(setFileError);
  };
  const tooLong = !!from && !!to && (Date.parse(to) - Date.parse(from)) / 86_400_000 > 366;
  const exportRange = (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    setFileError(null);
    setExporting(true);
    download('/portal/v1/invoices/export', `invoices-${from}-${to}.zip`, { from, to, legal_entity_id: entity })
      .catch(setFileError)
      .finally(() => setExporting(false));
  };

  return (
    <>
      <PageHeader title={t('invoices.title')} />
      <p className="muted">{t('invoices.ksaOnly')}</p>
      <div className="card filters">
        <EntitySelect {...entityChoice} />
      </div>
      {can('invoices.export') && (
        <form className="card" onSubmit={exportRange} aria-labelledby="invoice-export-title">
          <h2 id="invoice-export-title">{t('invoices.exportTitle')}</h2>
          <div className="form-row">
            <div className="field">
              <label htmlFor="invoice-from">{t('app.from')}</label>
              <input id="invoice-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="invoice-to">{t('app.to')}</label>
              <input id="invoice-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={tooLong} aria-describedby={tooLong ? 'invoice-range-error' : undefined} />
            </div>
            <div className="field-actions">
              <button type="submit" className="button-secondary" disabled={exporting || !from || !to || to < from}>
                {exporting ? t('app.loading') : t('invoices.exportButton')}
              </button>
            </div>
          </div>
          {tooLong && <p id="invoice-range-error" className="field-error">{t('invoices.rangeTooLong')}</p>}
        </form>
      )}
      <ErrorMessage error={fileError} />
      {invoices.isPending && <Loading />}
      <ErrorMessage error={invoices.error} />
      {invoices.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('invoices.number')}</th>
                  <th scope="col">{t('invoices.document')}</th>
                  <th scope="col">{t('invoices.month')}</th>
                  <th scope="col" className="hide-narrow wide-only">{t('app.entity')}</th>
                  <th scope="col">{t('invoices.issued')}</th>
                  <th scope="col" className="num wide-only">{t('invoices.taxable')}</th>
                  <th scope="col" className="num">{t('invoices.vat')}</th>
                  <th scope="col" className="num">{t('invoices.total')}</th>
                  <th scope="col">{t('invoices.zatca')}</th>
                  <th scope="col">{t('app.download')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((invoice) => (
                  <tr key={invoice.invoice_id}>
                    <td className="mono" dir="ltr">{invoice.invoice_number}</td>
                    <td>
                      {t(`invoices.type.${invoice.document_type ?? 'invoice'}`)}
                      {invoice.billing_reference && (
                        <div className="muted small">{t('invoices.onInvoice')} <span className="mono" dir="ltr">{invoice.billing_reference}</span></div>
                      )}
                      {invoice.reason && <div className="muted small"><UserText value={invoice.reason} /></div>}
                    </td>
                    <td className="nowrap">{formatMonth(invoice.billing_month, i18n.language)}</td>
                    <td className="hide-narrow wide-only">{entityName(invoice.legal_entity_id)}</td>
                    <td><Day value={invoice.issue_date} /></td>
                    <td className="num wide-only"><Amount money={invoice.taxable_amount} /></td>
                    <td className="num"><Amount money={invoice.vat_amount} /></td>
                    <td className="num strong"><Amount money={invoice.total_with_vat} /></td>
                    <td><ClearanceBadge status={invoice.clearance_status ?? 'phase_1'} /></td>
                    <td className="nowrap">
                      {SHAREABLE.includes(invoice.clearance_status ?? 'phase_1') ? (
                        <>
                          <button type="button" className="button-link" onClick={() => file(invoice, 'pdf')} aria-label={`${t('invoices.pdf')} ${invoice.invoice_number}`}>{t('invoices.pdf')}</button>{' '}
                          <button type="button" className="button-link" onClick={() => file(invoice, 'xml')} aria-label={`${t('invoices.xml')} ${invoice.invoice_number}`}>{t('invoices.xml')}</button>
                        </>
                      ) : (
                        <span className="muted">{t('invoices.awaitingClearance')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListFooter empty={rows.length === 0} pages={invoices} />
        </div>
      )}
    </>
  );
}
