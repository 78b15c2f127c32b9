import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import type { OrderExport } from '../../api/types';
import { EntitySelect, useEntityChoice, useEntityZone } from '../../components/entities';
import { DateTime, Day, ErrorMessage, Notice, PageHeader, StatusBadge } from '../../components/ui';
import { todayIn } from '../../format/dates';

/** Orders CSV for a date range: made in the background, its progress shown here, its link also emailed. */
export function ExportPage() {
  const { t } = useTranslation();
  const entity = useEntityChoice();
  const zone = useEntityZone(entity.value || undefined);
  const queryClient = useQueryClient();
  const [from, setFrom] = useState(() => todayIn(zone, -30));
  const [to, setTo] = useState(() => todayIn(zone));
  const [current, setCurrent] = useState<string | null>(null);
  const exports = useQuery({
    queryKey: ['order-exports'],
    queryFn: () => request<{ exports: OrderExport[] }>('/portal/v1/order-exports').then((r) => r.exports),
    refetchInterval: (query) => (query.state.data?.some((e) => e.status === 'queued' || e.status === 'running') ? 1500 : false),
  });
  const start = useMutation({
    mutationFn: () => request<OrderExport>('/portal/v1/order-exports', { method: 'POST', body: { created_from: from, created_to: to, time_zone: zone, legal_entity_id: entity.value || undefined } }),
    onSuccess: (created) => {
      setCurrent(created.export_id);
      void queryClient.invalidateQueries({ queryKey: ['order-exports'] });
    },
  });
  const rangeInvalid = !!from && !!to && to < from;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rangeInvalid) start.mutate();
  };
  const active = exports.data?.find((e) => e.export_id === current);

  return (
    <>
      <p>
        <Link to="/orders">{t('orders.back')}</Link>
      </p>
      <PageHeader title={t('export.title')} />
      <form className="card" onSubmit={submit}>
        <p>{t('export.intro', { zone })}</p>
        <div className="form-row">
          <EntitySelect id="export-entity" {...entity} />
          <div className="field">
            <label htmlFor="export-from">{t('app.from')}</label>
            <input id="export-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="export-to">{t('app.to')}</label>
            <input id="export-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={rangeInvalid} />
          </div>
          <div className="field-actions">
            <button type="submit" className="button-primary" disabled={start.isPending || rangeInvalid || !entity.ready}>
              {t('export.start')}
            </button>
          </div>
        </div>
        {rangeInvalid && <p className="field-error">{t('export.rangeInvalid')}</p>}
        <ErrorMessage error={start.error} />
        {active && (
          <div aria-live="polite" data-testid="export-progress">
            {active.status === 'done' ? (
              <Notice>
                {t('export.ready', { rows: active.rows_written })}{' '}
                {active.download_url && <a href={active.download_url}>{t('app.download')}</a>}
              </Notice>
            ) : active.status === 'failed' ? (
              <p className="alert alert-error" role="alert">{t('export.failed')}</p>
            ) : (
              <p className="alert alert-info" role="status">
                <span className="spinner" aria-hidden="true" /> {t('export.progress', { status: t(`status.${active.status}`), rows: active.rows_written })}
              </p>
            )}
          </div>
        )}
      </form>
      <section className="card table-card" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('export.recent')}</h2>
        <ErrorMessage error={exports.error} />
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('export.requested')}</th>
                <th scope="col">{t('export.range')}</th>
                <th scope="col">{t('app.status')}</th>
                <th scope="col" className="num">{t('export.rows')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {exports.data?.map((e) => (
                <tr key={e.export_id}>
                  <td><DateTime value={e.created_at} /></td>
                  <td><Day value={e.created_from} /> – <Day value={e.created_to} /></td>
                  <td><StatusBadge status={e.status} /></td>
                  <td className="num">{e.rows_written}</td>
                  <td>{e.download_url ? <a href={e.download_url}>{t('app.download')}</a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {exports.data?.length === 0 && <p className="empty">{t('app.noResults')}</p>}
      </section>
    </>
  );
}
