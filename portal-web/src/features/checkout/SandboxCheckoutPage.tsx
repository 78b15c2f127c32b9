import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { request } from '../../api/client';
import type { Order } from '../../api/types';
import { isSandbox } from '../../app/environment';
import { Amount, ErrorMessage, Loading, StatusBadge, useDocumentTitle } from '../../components/ui';
import { UserText } from '../../components/UserText';

interface CheckoutPage {
  merchant_name?: string;
  order: Order;
}

interface AnswerResult {
  order_id: string;
  status: string;
  redirect_url?: string | null;
}

type Answer = 'approved' | 'declined' | 'canceled';

/** Leaves the portal for the shop's page (a seam for the tests: jsdom cannot navigate away). */
export const shopNavigation = { go: (url: string) => window.location.assign(url) };

/** Only a web address is followed back to the shop (the API checks it too). */
export function safeRedirect(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The customer's side of a sandbox checkout, opened by an order's checkout_url: the order as the customer sees it,
 * Approve or Decline (with a reason) or leave, then back to the shop's success, failure or cancel page. The token in
 * the link is its only credential. Production has no such page.
 */
export function SandboxCheckoutPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('checkout.title'));
  if (!isSandbox()) {
    return (
      <section className="card auth-card" aria-labelledby="checkout-title">
        <h1 id="checkout-title">{t('checkout.title')}</h1>
        <p>{t('checkout.productionOnly')}</p>
      </section>
    );
  }
  return <SandboxCheckout />;
}

function SandboxCheckout() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<AnswerResult | null>(null);
  const page = useQuery({
    queryKey: ['sandbox-checkout', orderId, token],
    queryFn: () => request<CheckoutPage>(`/sandbox/checkout/${encodeURIComponent(orderId)}`, { query: { token }, anonymous: true }),
    retry: false,
  });

  const send = async (decision: Answer) => {
    setError(null);
    setBusy(decision);
    try {
      const answered = await request<AnswerResult>(`/sandbox/checkout/${encodeURIComponent(orderId)}/answer`, {
        method: 'POST',
        query: { token },
        body: decision === 'declined' ? { decision, declined_reason: reason.trim() || undefined } : { decision },
        anonymous: true,
      });
      setResult(answered);
      const target = safeRedirect(answered.redirect_url);
      if (target) shopNavigation.go(target);
    } catch (e) {
      setError(e);
      await queryClient.invalidateQueries({ queryKey: ['sandbox-checkout', orderId, token] });
    } finally {
      setBusy(null);
    }
  };

  const decline = (event: FormEvent) => {
    event.preventDefault();
    void send('declined');
  };

  const order = page.data?.order;
  const target = safeRedirect(result?.redirect_url);
  return (
    <section className="card checkout-card" aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t('checkout.title')}</h1>
      <p className="muted">{t('checkout.intro')}</p>
      {page.isPending && <Loading />}
      {page.isError && <ErrorMessage error={page.error} />}
      {order && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('checkout.merchant')}</dt>
              <dd>
                <UserText value={page.data?.merchant_name ?? '—'} />
              </dd>
            </div>
            <div>
              <dt>{t('orders.reference')}</dt>
              <dd>
                <UserText value={order.order_reference_id} />
              </dd>
            </div>
            <div>
              <dt>{t('orders.paymentType')}</dt>
              <dd>{t(`orders.paymentTypes.${order.payment_type}`, { count: order.instalments ?? 0, defaultValue: order.payment_type })}</dd>
            </div>
            <div>
              <dt>{t('app.status')}</dt>
              <dd>
                <StatusBadge status={result?.status ?? order.status} />
              </dd>
            </div>
          </dl>
          <div className="table-scroll">
            <table>
              <caption>{t('orders.items')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orders.item')}</th>
                  <th scope="col" className="num">{t('orders.quantity')}</th>
                  <th scope="col" className="num">{t('orders.total')}</th>
                </tr>
              </thead>
              <tbody>
                {order.items.map((item, index) => (
                  <tr key={`${item.reference_id}-${index}`}>
                    <td>
                      <UserText value={item.name} />
                    </td>
                    <td className="num">{item.quantity}</td>
                    <td className="num">
                      <Amount money={item.total_amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {order.tax_amount && Number(order.tax_amount.amount) !== 0 && (
                  <tr>
                    <th scope="row" colSpan={2}>{t('orders.tax')}</th>
                    <td className="num"><Amount money={order.tax_amount} /></td>
                  </tr>
                )}
                {order.shipping_amount && Number(order.shipping_amount.amount) !== 0 && (
                  <tr>
                    <th scope="row" colSpan={2}>{t('orders.shipping')}</th>
                    <td className="num"><Amount money={order.shipping_amount} /></td>
                  </tr>
                )}
                {order.discount && Number(order.discount.amount.amount) !== 0 && (
                  <tr>
                    <th scope="row" colSpan={2}>{t('orders.discount')}</th>
                    <td className="num"><Amount money={order.discount.amount} /></td>
                  </tr>
                )}
                <tr>
                  <th scope="row" colSpan={2}>{t('orders.total')}</th>
                  <td className="num"><strong><Amount money={order.total_amount} /></strong></td>
                </tr>
              </tfoot>
            </table>
          </div>
          <ErrorMessage error={error} />
          {result ? (
            <p className="alert alert-success" role="status">
              {t(`checkout.done.${result.status === 'new' ? 'canceled' : result.status}`, { defaultValue: t('checkout.done.other') })}{' '}
              {target ? <a href={target}>{t('checkout.backToShop')}</a> : t('checkout.noShopAddress')}
            </p>
          ) : order.status !== 'new' ? (
            <p className="alert" role="status">{t('checkout.finished', { status: t(`status.${order.status}`) })}</p>
          ) : (
            <div className="checkout-actions">
              <button type="button" className="button-primary" disabled={busy !== null} onClick={() => void send('approved')}>
                {busy === 'approved' ? t('checkout.working') : t('checkout.approve')}
              </button>
              <form onSubmit={decline} className="checkout-decline">
                <div className="field">
                  <label htmlFor="decline-reason">{t('checkout.reason')}</label>
                  <input id="decline-reason" value={reason} maxLength={255} onChange={(e) => setReason(e.target.value)} aria-describedby="decline-hint" />
                  <p id="decline-hint" className="hint">{t('checkout.reasonHint')}</p>
                </div>
                <button type="submit" className="button-danger" disabled={busy !== null}>
                  {busy === 'declined' ? t('checkout.working') : t('checkout.decline')}
                </button>
              </form>
              <button type="button" className="button-link" disabled={busy !== null} onClick={() => void send('canceled')}>
                {t('checkout.leave')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
