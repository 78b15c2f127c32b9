import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { download, request } from '../../api/client';
import type { Money, SettlementReport } from '../../api/types';
import { useEntityName } from '../../components/entities';
import { Amount, DateTime, Day, ErrorMessage, Loading, PageHeader, StatusBadge, ListFooter } from '../../components/ui';

interface Line {
  line_id: string;
  type: string;
  event_time: string;
  order_id?: string;
  order_reference_id?: string;
  amount?: Money;
  gross: Money;
  fee: Money;
  vat: Money;
  net: Money;
}

/** One settlement report: its totals and the lines (sales, refunds, cancels) to reconcile a bank deposit with. */
export function SettlementReportPage() {
  const { reportId = '' } = useParams();
  const { t } = useTranslation();
  const entityName = useEntityName();
  const [fileError, setFileError] = useState<unknown>(null);
  const detail = useInfiniteQuery({
    queryKey: ['settlement-report', reportId],
    queryFn: ({ pageParam }) =>
      request<{ report: SettlementReport; lines: Line[]; next_cursor?: string }>(`/portal/v1/settlements/reports/${reportId}`, { query: { limit: 100, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const report = detail.data.pages[0].report;
  const lines = detail.data.pages.flatMap((p) => p.lines);
  const entity = report.legal_entity_id;
  return (
    <>
      <p>
        <Link to="/settlements">{t('settlements.back')}</Link>
      </p>
      <PageHeader
        title={`${t('settlements.reportTitle')} ${report.settlement_reference}`}
        heading={<>{t('settlements.reportTitle')} <bdi dir="ltr">{report.settlement_reference}</bdi></>}
      >
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setFileError(null);
            download(`/portal/v1/settlements/reports/${report.report_id}/csv`, `${report.settlement_reference}.csv`).catch(setFileError);
          }}
        >
          {t('settlements.csv')}
        </button>
      </PageHeader>
      <ErrorMessage error={fileError} />
      <section className="card">
        <dl className="facts">
          <div><dt>{t('app.entity')}</dt><dd>{entityName(entity)}</dd></div>
          <div><dt>{t('settlements.period')}</dt><dd><Day value={report.period_start} /> – <Day value={report.period_end} /></dd></div>
          <div><dt>{t('settlements.statementDate')}</dt><dd><Day value={report.statement_date} /></dd></div>
          <div><dt>{t('app.status')}</dt><dd><StatusBadge status={report.status} /></dd></div>
          <div><dt>{t('settlements.sales')}</dt><dd><Amount money={report.total_sales} /></dd></div>
          <div><dt>{t('settlements.refunds')}</dt><dd><Amount money={report.total_refunds} /></dd></div>
          <div><dt>{t('settlements.fees')}</dt><dd><Amount money={report.total_fees} /></dd></div>
          <div><dt>{t('settlements.vat')}</dt><dd><Amount money={report.total_vat} /></dd></div>
          <div><dt>{t('settlements.net')}</dt><dd className="strong"><Amount money={report.net_payable} /></dd></div>
          {report.expected_payout_date && <div><dt>{t('settlements.expectedPayout')}</dt><dd><Day value={report.expected_payout_date} /></dd></div>}
        </dl>
      </section>
      <section className="card table-card" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('settlements.lines')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('settlements.lineType')}</th>
                <th scope="col">{t('orders.reference')}</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col" className="num">{t('settlements.gross')}</th>
                <th scope="col" className="num">{t('settlements.fees')}</th>
                <th scope="col" className="num">{t('settlements.vat')}</th>
                <th scope="col" className="num">{t('settlements.netLine')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.line_id}>
                  <td>{t(`settlements.lineTypes.${line.type}`, { defaultValue: line.type })}</td>
                  <td dir="ltr">{line.order_id ? <Link to={`/orders/${line.order_id}`}>{line.order_reference_id ?? line.order_id}</Link> : '—'}</td>
                  <td><DateTime value={line.event_time} entityId={entity} /></td>
                  <td className="num"><Amount money={line.type === 'cancel' ? line.amount : line.gross} /></td>
                  <td className="num"><Amount money={line.fee} /></td>
                  <td className="num"><Amount money={line.vat} /></td>
                  <td className="num strong"><Amount money={line.net} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ListFooter empty={lines.length === 0} pages={detail} />
      </section>
    </>
  );
}
