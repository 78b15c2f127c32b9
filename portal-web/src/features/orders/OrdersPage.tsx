import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { request } from '../../api/client';
import type { OrderRow } from '../../api/types';
import { useCan } from '../../auth/AuthContext';
import { EntitySelect, useEntityZone } from '../../components/entities';
import { Amount, DateTime, ErrorMessage, Loading, PageHeader, StatusBadge } from '../../components/ui';
import { UserText } from '../../components/UserText';

export const ORDER_STATUSES = ['new', 'approved', 'authorised', 'updated', 'partially_captured', 'fully_captured', 'partially_refunded', 'fully_refunded', 'canceled', 'declined', 'expired'];

// currency and updated_from/_to come from the home page's links; the form keeps them until Reset.
const FILTERS = ['q', 'status', 'created_from', 'created_to', 'legal_entity_id', 'include_hidden', 'currency', 'updated_from', 'updated_to'] as const;

export function OrdersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [draft, setDraft] = useState(filters);
  const zone = useEntityZone(filters.legal_entity_id || undefined);

  const orders = useInfiniteQuery({
    queryKey: ['orders', filters, zone],
    queryFn: ({ pageParam }) =>
      request<{ orders: OrderRow[]; next_cursor?: string }>('/portal/v1/orders', {
        query: { ...filters, include_hidden: filters.include_hidden || (filters.status ? 'true' : ''), time_zone: zone, limit: 25, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    Object.entries(draft).forEach(([key, value]) => value && next.set(key, value.trim()));
    setParams(next);
  };
  const reset = () => {
    setDraft(Object.fromEntries(FILTERS.map((key) => [key, ''])) as typeof filters);
    setParams(new URLSearchParams());
  };
  const rows = orders.data?.pages.flatMap((page) => page.orders) ?? [];
  const set = (key: keyof typeof filters) => (value: string) => setDraft({ ...draft, [key]: value });

  return (
    <>
      <PageHeader title={t('orders.title')}>
        {can('orders.export') && (
          <Link className="button button-secondary" to="/exports">
            {t('orders.export')}
          </Link>
        )}
      </PageHeader>
      <form className="card filters" onSubmit={apply} role="search" aria-label={t('orders.title')}>
        <div className="field grow">
          <label htmlFor="q">{t('orders.searchLabel')}</label>
          <input id="q" type="search" value={draft.q} placeholder={t('orders.searchPlaceholder')} onChange={(e) => set('q')(e.target.value)} dir="auto" />
        </div>
        <div className="field">
          <label htmlFor="status">{t('orders.statusFilter')}</label>
          <select id="status" value={draft.status} onChange={(e) => set('status')(e.target.value)}>
            <option value="">{t('app.all')}</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="created_from">{t('orders.createdFrom')}</label>
          <input id="created_from" type="date" value={draft.created_from} onChange={(e) => set('created_from')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="created_to">{t('orders.createdTo')}</label>
          <input id="created_to" type="date" value={draft.created_to} onChange={(e) => set('created_to')(e.target.value)} />
        </div>
        <EntitySelect value={draft.legal_entity_id} onChange={set('legal_entity_id')} />
        <div className="field checkbox">
          <input id="include_hidden" type="checkbox" checked={draft.include_hidden === 'true'} onChange={(e) => set('include_hidden')(e.target.checked ? 'true' : '')} />
          <label htmlFor="include_hidden">{t('orders.includeHidden')}</label>
        </div>
        <div className="field-actions">
          <button type="submit" className="button-primary">
            {t('app.search')}
          </button>
          <button type="button" className="button-ghost" onClick={reset}>
            {t('app.reset')}
          </button>
        </div>
      </form>

      {orders.isPending && <Loading />}
      <ErrorMessage error={orders.error} />
      {orders.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('orders.count', { count: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orders.reference')}</th>
                  <th scope="col">{t('orders.customer')}</th>
                  <th scope="col">{t('app.status')}</th>
                  <th scope="col" className="num">
                    {t('orders.total')}
                  </th>
                  <th scope="col" className="num hide-narrow">
                    {t('orders.captured')}
                  </th>
                  <th scope="col" className="num hide-narrow">
                    {t('orders.refunded')}
                  </th>
                  <th scope="col">{t('orders.created')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((order) => (
                  <tr key={order.order_id}>
                    <td>
                      <Link to={`/orders/${order.order_id}`} className="strong" dir="ltr">
                        <UserText value={order.order_reference_id} />
                      </Link>
                      <div className="muted small mono wide-only" dir="ltr">
                        {order.order_id}
                      </div>
                    </td>
                    <td><UserText value={order.consumer_name} /></td>
                    <td>
                      <StatusBadge status={order.status} />
                    </td>
                    <td className="num">
                      <Amount money={order.total_amount} />
                    </td>
                    <td className="num hide-narrow">
                      <Amount money={order.captured_amount} />
                    </td>
                    <td className="num hide-narrow">
                      <Amount money={order.refunded_amount} />
                    </td>
                    <td>
                      <DateTime value={order.created_at} entityId={order.legal_entity_id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p className="empty">{t('app.noResults')}</p>}
          <div className="table-footer">
            <span className="muted" aria-live="polite">
              {t('orders.count', { count: rows.length })}
            </span>
            {orders.hasNextPage && (
              <button type="button" className="button-secondary" onClick={() => void orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>
                {orders.isFetchingNextPage ? t('app.loading') : t('app.more')}
              </button>
            )}
          </div>
        </div>
      )}
    </>
  );
}
