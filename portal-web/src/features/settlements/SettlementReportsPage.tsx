import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { download, request } from '../../api/client';
import type { SettlementReport } from '../../api/types';
import { EntitySelect, useEntityChoice, useEntityName } from '../../components/entities';
import { Amount, Day, ErrorMessage, Loading, PageHeader, StatusBadge, ListFooter } from '../../components/ui';

export function SettlementReportsPage() {
  const { t } = useTranslation();
  const entityName = useEntityName();
  const entityChoice = useEntityChoice();
  const entity = entityChoice.value;
  const [status, setStatus] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const reports = useInfiniteQuery({
    queryKey: ['settlement-reports', entity, status],
    queryFn: ({ pageParam }) =>
      request<{ reports: SettlementReport[]; next_cursor?: string }>('/portal/v1/settlements/reports', {
        query: { legal_entity_id: entity, status, limit: 25, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: entityChoice.ready,
  });
  const rows = reports.data?.pages.flatMap((p) => p.reports) ?? [];
  const csv = (report: SettlementReport) => {
    setDownloadError(null);
    download(`/portal/v1/settlements/reports/${report.report_id}/csv`, `${report.settlement_reference}.csv`).catch(setDownloadError);
  };

  return (
    <>
      <PageHeader title={t('settlements.title')} />
      <div className="card filters">
        <EntitySelect {...entityChoice} />
        <div className="field">
          <label htmlFor="report-status">{t('app.status')}</label>
          <select id="report-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('app.all')}</option>
            {['not_settled', 'pending', 'settled', 'carried_forward'].map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={downloadError} />
      {reports.isPending && <Loading />}
      <ErrorMessage error={reports.error} />
      {reports.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settlements.statementDate')}</th>
                  <th scope="col">{t('settlements.reference')}</th>
                  <th scope="col" className="hide-narrow wide-only">{t('app.entity')}</th>
                  <th scope="col">{t('settlements.period')}</th>
                  <th scope="col" className="num">{t('settlements.sales')}</th>
                  <th scope="col" className="num">{t('settlements.refunds')}</th>
                  <th scope="col" className="num hide-narrow wide-only">{t('settlements.fees')}</th>
                  <th scope="col" className="num hide-narrow wide-only">{t('settlements.vat')}</th>
                  <th scope="col" className="num">{t('settlements.net')}</th>
                  <th scope="col">{t('app.status')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.report_id}>
                    <td><Day value={r.statement_date} /></td>
                    <td className="mono" dir="ltr"><Link to={`/settlements/${r.report_id}`} className="break">{r.settlement_reference}</Link></td>
                    <td className="hide-narrow wide-only">{entityName(r.legal_entity_id)}</td>
                    <td><Day value={r.period_start} /> – <Day value={r.period_end} /></td>
                    <td className="num"><Amount money={r.total_sales} /></td>
                    <td className="num"><Amount money={r.total_refunds} /></td>
                    <td className="num hide-narrow wide-only"><Amount money={r.total_fees} /></td>
                    <td className="num hide-narrow wide-only"><Amount money={r.total_vat} /></td>
                    <td className="num strong"><Amount money={r.net_payable} /></td>
                    <td><StatusBadge status={r.status} /></td>
                    <td>
                      <button type="button" className="button-link" onClick={() => csv(r)} aria-label={t('settlements.downloadReport', { reference: r.settlement_reference })}>
                        {t('settlements.csv')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListFooter empty={rows.length === 0} pages={reports} />
        </div>
      )}
    </>
  );
}
