import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import type { Order, TimelineEntry } from '../../api/types';
import { useCan } from '../../auth/AuthContext';
import { useEntityName } from '../../components/entities';
import { Amount, DateTime, ErrorMessage, Loading, Notice, PageHeader, StatusBadge } from '../../components/ui';
import { subtract } from '../../format/money';
import { OrderActionDialog, type OrderAction } from './OrderActionDialog';
import { UserText } from '../../components/UserText';

const CAPTURABLE = ['authorised', 'updated', 'partially_captured', 'partially_refunded'];
const CANCELABLE = ['authorised', 'updated'];

export function OrderDetailPage() {
  const { orderId = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const entityName = useEntityName();
  const [action, setAction] = useState<OrderAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const order = useQuery({ queryKey: ['order', orderId], queryFn: () => request<Order>(`/portal/v1/orders/${orderId}`) });

  if (order.isPending) return <Loading />;
  if (order.isError)
    return (
      <>
        <Link to="/orders">{t('orders.back')}</Link>
        <ErrorMessage error={order.error} />
      </>
    );
  const o = order.data;
  const entity = o.legal_entity_id;
  const leftToCapture = subtract(subtract(o.total_amount, o.captured_amount), o.canceled_amount);
  const refundable = subtract(o.captured_amount, o.refunded_amount);
  const max: Record<OrderAction, typeof leftToCapture> = { capture: leftToCapture, refund: refundable, cancel: leftToCapture };
  const shown: Record<OrderAction, boolean> = {
    capture: can('orders.capture') && CAPTURABLE.includes(o.status) && Number(leftToCapture.amount) > 0,
    refund: can('orders.refund') && Number(refundable.amount) > 0,
    cancel: can('orders.cancel') && CANCELABLE.includes(o.status) && Number(o.captured_amount.amount) === 0 && Number(leftToCapture.amount) > 0,
  };
  const tx = o.transactions;
  const hasTx = tx.captures.length + tx.refunds.length + tx.cancels.length > 0;

  return (
    <>
      <p>
        <Link to="/orders">{t('orders.back')}</Link>
      </p>
      <PageHeader
        title={t('orders.detailTitle', { reference: o.order_reference_id })}
        heading={<>{t('orders.detailHeading')} <UserText value={o.order_reference_id} /></>}
      >
        {(['capture', 'refund', 'cancel'] as OrderAction[]).map(
          (a) =>
            shown[a] && (
              <button key={a} type="button" className={a === 'capture' ? 'button-primary' : 'button-secondary'} onClick={() => { setNotice(null); setAction(a); }}>
                {t(`orders.${a}`)}
              </button>
            ),
        )}
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <div className="summary card">
        <dl className="facts">
          <div>
            <dt>{t('app.status')}</dt>
            <dd data-testid="order-status">
              <StatusBadge status={o.status} />
            </dd>
          </div>
          <div>
            <dt>{t('orders.tamaraId')}</dt>
            <dd className="mono" dir="ltr">{o.order_id}</dd>
          </div>
          <div>
            <dt>{t('orders.consumer')}</dt>
            <dd>
              <UserText value={`${o.consumer.first_name ?? ''} ${o.consumer.last_name ?? ''}`.trim()} />
              {o.consumer.email && <div className="muted small" dir="ltr">{o.consumer.email}</div>}
            </dd>
          </div>
          <div>
            <dt>{t('app.entity')}</dt>
            <dd>{entityName(entity)}</dd>
          </div>
          <div>
            <dt>{t('orders.paymentType')}</dt>
            <dd>{t(`orders.paymentTypes.${o.payment_type}`, { count: o.instalments ?? 0, defaultValue: o.payment_type })}</dd>
          </div>
          <div>
            <dt>{t('orders.created')}</dt>
            <dd>
              <DateTime value={o.created_at} entityId={entity} />
            </dd>
          </div>
        </dl>
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="amounts-title">
          <h2 id="amounts-title">{t('orders.amounts')}</h2>
          <dl className="amounts">
            <div><dt>{t('orders.total')}</dt><dd><Amount money={o.total_amount} /></dd></div>
            {o.tax_amount && <div><dt>{t('orders.tax')}</dt><dd><Amount money={o.tax_amount} /></dd></div>}
            {o.shipping_amount && <div><dt>{t('orders.shipping')}</dt><dd><Amount money={o.shipping_amount} /></dd></div>}
            {o.discount && <div><dt>{t('orders.discount')}</dt><dd><Amount money={o.discount.amount} /></dd></div>}
            <div><dt>{t('orders.captured')}</dt><dd data-testid="captured-amount"><Amount money={o.captured_amount} /></dd></div>
            <div><dt>{t('orders.refunded')}</dt><dd data-testid="refunded-amount"><Amount money={o.refunded_amount} /></dd></div>
            <div><dt>{t('orders.canceled')}</dt><dd><Amount money={o.canceled_amount} /></dd></div>
            <div><dt>{t('orders.remainingCapture')}</dt><dd><Amount money={leftToCapture} /></dd></div>
            <div><dt>{t('orders.refundable')}</dt><dd><Amount money={refundable} /></dd></div>
          </dl>
        </section>
        <section className="card" aria-labelledby="items-title">
          <h2 id="items-title">{t('orders.items')}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('orders.item')}</th>
                  <th scope="col">{t('orders.sku')}</th>
                  <th scope="col" className="num">{t('orders.quantity')}</th>
                  <th scope="col" className="num">{t('orders.total')}</th>
                </tr>
              </thead>
              <tbody>
                {o.items.map((item) => (
                  <tr key={item.reference_id}>
                    <td><UserText value={item.name} /></td>
                    <td className="mono" dir="ltr">{item.sku}</td>
                    <td className="num">{item.quantity}</td>
                    <td className="num"><Amount money={item.total_amount} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section className="card" aria-labelledby="tx-title">
        <h2 id="tx-title">{t('orders.transactions')}</h2>
        {!hasTx && <p className="muted">{t('orders.noTransactions')}</p>}
        {hasTx && (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('orders.txType')}</th>
                  <th scope="col">{t('orders.transactionId')}</th>
                  <th scope="col" className="num">{t('orders.total')}</th>
                  <th scope="col">{t('orders.created')}</th>
                </tr>
              </thead>
              <tbody>
                {tx.captures.map((c) => (
                  <tr key={c.capture_id}>
                    <td>{t('orders.captures')}{c.automatic ? ` (${t('orders.automatic')})` : ''}</td>
                    <td className="mono small" dir="ltr">{c.capture_id}</td>
                    <td className="num"><Amount money={c.total_amount} /></td>
                    <td><DateTime value={c.created_at} entityId={entity} /></td>
                  </tr>
                ))}
                {tx.refunds.map((r) => (
                  <tr key={r.refund_id}>
                    <td>{t('orders.refunds')}{r.comment ? ' — ' : ''}<UserText value={r.comment} /></td>
                    <td className="mono small" dir="ltr">{r.refund_id}</td>
                    <td className="num"><Amount money={r.total_amount} /></td>
                    <td><DateTime value={r.created_at} entityId={entity} /></td>
                  </tr>
                ))}
                {tx.cancels.map((c) => (
                  <tr key={c.cancel_id}>
                    <td>{t('orders.cancels')}</td>
                    <td className="mono small" dir="ltr">{c.cancel_id}</td>
                    <td className="num"><Amount money={c.total_amount} /></td>
                    <td><DateTime value={c.created_at} entityId={entity} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('orders.timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {[...(o.timeline ?? [])].reverse().map((entry, index) => (
            <li key={`${entry.occurred_at}-${index}`}>
              <div className="timeline-head">
                <strong>{t(`orders.kind.${entry.kind}`, { defaultValue: entry.kind })}</strong>
                {entry.amount && <Amount money={entry.amount} />}
                {entry.to_status && <StatusBadge status={entry.to_status} />}
              </div>
              <div className="muted small">
                <DateTime value={entry.occurred_at} entityId={entity} />
                {entry.actor && <> · <TimelineActor actor={entry.actor} /></>}
                {entry.detail && <> · <UserText value={entry.detail} /></>}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {action && (
        <OrderActionDialog
          order={o}
          action={action}
          max={max[action]}
          onClose={() => setAction(null)}
          onDone={(updated) => {
            setAction(null);
            setNotice(t('orders.done', { status: t(`status.${updated.status}`) }));
          }}
        />
      )}
    </>
  );
}

/** Who acted on the order: the user or API token by name ("by Sara Al-Harbi", "by the API token Shop backend"). */
function TimelineActor({ actor }: { actor: TimelineEntry['actor'] }) {
  const { t } = useTranslation();
  if (!actor) return null;
  const kind = t(`orders.actor.${actor.type}`, { defaultValue: actor.type });
  if (!actor.name) return <>{t('orders.by', { actor: kind })}</>;
  return (
    <>
      {t(actor.type === 'api_token' ? 'orders.byToken' : 'orders.byUser')} <UserText value={actor.name} />
    </>
  );
}
