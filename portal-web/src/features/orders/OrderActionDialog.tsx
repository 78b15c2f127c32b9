import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey, request } from '../../api/client';
import type { Money, Order } from '../../api/types';
import { Dialog, ErrorMessage } from '../../components/ui';
import { amountInput, currencyScale, formatMoney, validAmount } from '../../format/money';

export type OrderAction = 'capture' | 'refund' | 'cancel';

const PATH: Record<OrderAction, string> = { capture: 'captures', refund: 'refunds', cancel: 'cancels' };

/**
 * Capture, Refund or Cancel an amount of an order. Each opening gets its own Idempotency-Key, so a retry after a
 * lost answer never moves the money twice; the API's refusals are shown in words.
 */
export function OrderActionDialog({ order, action, max, onClose, onDone }: { order: Order; action: OrderAction; max: Money; onClose: () => void; onDone: (order: Order) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const currency = order.total_amount.currency;
  const [amount, setAmount] = useState(amountInput(max));
  const [comment, setComment] = useState('');
  const [company, setCompany] = useState('');
  const [tracking, setTracking] = useState('');
  const [touched, setTouched] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const amountOk = validAmount(amount, currency);

  const mutation = useMutation({
    mutationFn: () => {
      const total_amount = { amount: Number(amount), currency };
      const body =
        action === 'capture'
          ? { total_amount, shipping_info: { shipped_at: new Date().toISOString(), shipping_company: company.trim(), tracking_number: tracking.trim() || undefined } }
          : action === 'refund'
            ? { total_amount, comment: comment.trim() }
            : { total_amount };
      return request<Order>(`/portal/v1/orders/${order.order_id}/${PATH[action]}`, { method: 'POST', body, idempotencyKey: key });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(['order', order.order_id], updated);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      onDone(updated);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!amountOk || (action === 'refund' && !comment.trim()) || (action === 'capture' && !company.trim())) return;
    mutation.mutate();
  };
  const maxText = formatMoney(max, i18n.language);

  return (
    <Dialog title={t(`orders.${action}Title`)} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>{t(`orders.${action}Intro`, { amount: maxText })}</p>
        <div className="field">
          <label htmlFor="action-amount">{t('orders.amount', { currency })}</label>
          <input
            id="action-amount"
            inputMode="decimal"
            dir="ltr"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={touched && !amountOk}
            aria-describedby={touched && !amountOk ? 'amount-error' : undefined}
            autoFocus
          />
          {touched && !amountOk && (
            <p id="amount-error" className="field-error">
              {t('orders.amountInvalid', { scale: currencyScale(currency) })}
            </p>
          )}
        </div>
        {action === 'refund' && (
          <div className="field">
            <label htmlFor="action-comment">{t('orders.comment')}</label>
            <input id="action-comment" value={comment} maxLength={1024} required onChange={(e) => setComment(e.target.value)} aria-invalid={touched && !comment.trim()} />
          </div>
        )}
        {action === 'capture' && (
          <>
            <div className="field">
              <label htmlFor="action-company">{t('orders.shippingCompany')}</label>
              <input id="action-company" value={company} maxLength={255} required onChange={(e) => setCompany(e.target.value)} aria-invalid={touched && !company.trim()} />
            </div>
            <div className="field">
              <label htmlFor="action-tracking">{t('orders.trackingNumber')}</label>
              <input id="action-tracking" value={tracking} maxLength={255} onChange={(e) => setTracking(e.target.value)} dir="ltr" />
            </div>
          </>
        )}
        <ErrorMessage error={mutation.error} />
        <div className="dialog-actions">
          <button type="button" className="button-ghost" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className={action === 'capture' ? 'button-primary' : 'button-danger'} disabled={mutation.isPending}>
            {t(`orders.${action}`)} {amountOk ? formatMoney({ amount: Number(amount), currency }, i18n.language) : ''}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
