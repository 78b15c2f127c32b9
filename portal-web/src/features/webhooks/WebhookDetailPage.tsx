import { Fragment, useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText';
import { Link, useNavigate, useParams } from 'react-router';
import { request } from '../../api/client';
import { CopyButton, DateTime, ErrorMessage, Loading, Notice, PageHeader, StatusBadge, ListFooter } from '../../components/ui';
import type { Webhook, WebhookAttempt, WebhookMessage } from './api';
import { WebhookFormDialog } from './WebhookFormDialog';

export function WebhookDetailPage() {
  const { webhookId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const webhook = useQuery({ queryKey: ['webhook', webhookId], queryFn: () => request<Webhook>(`/portal/v1/webhooks/${webhookId}`), refetchInterval: 10_000 });
  const messages = useInfiniteQuery({
    queryKey: ['webhook-messages', webhookId],
    queryFn: ({ pageParam }) =>
      request<{ messages: WebhookMessage[]; next_cursor?: string }>('/portal/v1/webhooks/messages', { query: { endpoint_id: webhookId, limit: 25, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: 5000,
  });
  const done = (text: string) => {
    setNotice(text);
    void queryClient.invalidateQueries({ queryKey: ['webhook-messages', webhookId] });
    void queryClient.invalidateQueries({ queryKey: ['webhook', webhookId] });
  };
  const reveal = useMutation({
    mutationFn: () => request<{ secret: string }>(`/portal/v1/webhooks/${webhookId}/secret`),
    onSuccess: (r) => setSecret(r.secret),
  });
  const rotate = useMutation({
    mutationFn: () => request<{ secret: string }>(`/portal/v1/webhooks/${webhookId}/secret/rotate`, { method: 'POST' }),
    onSuccess: (r) => {
      setSecret(r.secret);
      setNotice(t('webhooks.rotated'));
    },
  });
  const resend = useMutation({
    mutationFn: (id: string) => request(`/portal/v1/webhooks/messages/${id}/resend`, { method: 'POST' }),
    onSuccess: () => done(t('webhooks.resent')),
  });
  const recover = useMutation({
    mutationFn: (since: string) => request(`/portal/v1/webhooks/${webhookId}/recover`, { method: 'POST', body: { since } }),
    onSuccess: () => done(t('webhooks.recovered')),
  });
  const test = useMutation({
    mutationFn: () => request(`/portal/v1/webhooks/${webhookId}/test`, { method: 'POST', body: { event_type: 'order_approved' } }),
    onSuccess: () => done(t('webhooks.testSent')),
  });
  const toggle = useMutation({
    // Turning an endpoint on again also sends what failed since it began failing (the API's recovery offer).
    mutationFn: (enable: boolean) =>
      request(`/portal/v1/webhooks/${webhookId}/${enable ? 'enable' : 'disable'}`, {
        method: 'POST',
        body: enable ? { recover_since: webhook.data?.failing_since ?? webhook.data?.disabled_at ?? undefined } : undefined,
      }),
    onSuccess: () => done(t('webhooks.saved')),
  });
  const remove = useMutation({
    mutationFn: () => request(`/portal/v1/webhooks/${webhookId}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      navigate('/webhooks');
    },
  });

  if (webhook.isPending) return <Loading />;
  if (webhook.isError) return <ErrorMessage error={webhook.error} />;
  const w = webhook.data;
  const rows = messages.data?.pages.flatMap((p) => p.messages) ?? [];
  const recoverSince = w.failing_since ?? w.disabled_at ?? new Date(Date.now() - 7 * 86_400_000).toISOString();
  const error = reveal.error || rotate.error || resend.error || recover.error || test.error || toggle.error || remove.error;

  return (
    <>
      <p>
        <Link to="/webhooks">{t('webhooks.backToList')}</Link>
      </p>
      <PageHeader title={w.description || t('webhooks.title')} heading={w.description ? <UserText value={w.description} /> : undefined}>
        <button type="button" className="button-secondary" onClick={() => setEditing(true)}>{t('webhooks.edit')}</button>
        <button type="button" className="button-secondary" onClick={() => test.mutate()}>{t('webhooks.test')}</button>
        <button type="button" className="button-secondary" onClick={() => toggle.mutate(!w.enabled)}>{w.enabled ? t('users.disable') : t('users.enable')}</button>
        <button type="button" className="button-danger" onClick={() => window.confirm(t('webhooks.deleteConfirm')) && remove.mutate()}>{t('webhooks.delete')}</button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
      <section className="card">
        <dl className="facts">
          <div><dt>{t('webhooks.url')}</dt><dd className="break" dir="ltr">{w.url}</dd></div>
          <div><dt>{t('app.status')}</dt><dd><StatusBadge status={w.enabled ? 'enabled' : 'disabled'} />{w.disabled_reason && <div className="muted small">{t(`webhooks.disabledReasons.${w.disabled_reason}`, { defaultValue: t('webhooks.disabledNote') })}</div>}</dd></div>
          <div><dt>{t('webhooks.events')}</dt><dd>{w.events.map((e) => t(`webhookEvents.${e}`, { defaultValue: e })).join(' · ')}</dd></div>
          <div><dt>{t('webhooks.lastSuccess')}</dt><dd><DateTime value={w.last_success_at} /></dd></div>
        </dl>
      </section>
      <section className="card" aria-labelledby="secret-title">
        <h2 id="secret-title">{t('webhooks.secret')}</h2>
        <p className="muted">{t('webhooks.secretNote')}</p>
        <div className="secret-row">
          <code className="secret" dir="ltr" data-testid="webhook-secret">{secret ?? '••••••••••••••••••••••••'}</code>
          {secret ? (
            <>
              <CopyButton text={secret} />
              <button type="button" className="button-ghost" onClick={() => setSecret(null)}>{t('webhooks.hide')}</button>
            </>
          ) : (
            <button type="button" className="button-secondary" onClick={() => reveal.mutate()}>{t('webhooks.reveal')}</button>
          )}
          <button type="button" className="button-secondary" onClick={() => window.confirm(t('webhooks.rotateConfirm')) && rotate.mutate()}>{t('webhooks.rotate')}</button>
        </div>
      </section>
      <section className="card table-card" aria-labelledby="deliveries-title">
        <div className="page-header">
          <h2 id="deliveries-title">{t('webhooks.deliveries')}</h2>
          <button type="button" className="button-secondary" onClick={() => recover.mutate(recoverSince)}>{t('webhooks.recover')}</button>
        </div>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('app.status')}</th>
                <th scope="col" className="num">{t('webhooks.attempts')}</th>
                <th scope="col">{t('webhooks.responseCode')}</th>
                <th scope="col">{t('orders.created')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <Fragment key={m.id}>
                  <tr>
                    <td>
                      {t(`webhookEvents.${m.event_type}`, { defaultValue: m.event_type })}
                      {m.test && <span className="badge badge-muted badge-after">{t('webhooks.testBadge')}</span>}
                      {m.order_id && <div className="muted small mono" dir="ltr">{m.order_id}</div>}
                    </td>
                    <td><StatusBadge status={m.status} /></td>
                    <td className="num">{m.attempts}</td>
                    <td>{m.last_status ?? m.last_error ?? '—'}</td>
                    <td><DateTime value={m.created_at} /></td>
                    <td className="row-actions">
                      <button type="button" className="button-link" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                        {t('webhooks.attempts')}
                      </button>
                      <button type="button" className="button-link" onClick={() => resend.mutate(m.id)}>{t('webhooks.resend')}</button>
                    </td>
                  </tr>
                  {open === m.id && (
                    <tr className="expanded">
                      <td colSpan={6}>
                        <Attempts messageId={m.id} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
        <ListFooter empty={rows.length === 0 && !messages.isPending} pages={messages} emptyText={t('webhooks.noDeliveries')} />
      </section>
      {editing && (
        <WebhookFormDialog
          webhook={w}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            done(t('webhooks.saved'));
          }}
        />
      )}
    </>
  );
}

function Attempts({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['webhook-message', messageId],
    queryFn: () => request<{ attempts: WebhookAttempt[] }>(`/portal/v1/webhooks/messages/${messageId}`),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  if (detail.data.attempts.length === 0) return <p className="muted">{t('webhooks.noAttempts')}</p>;
  return (
    <ol className="attempts">
      {detail.data.attempts.map((a) => (
        <li key={a.id}>
          <strong>{t('webhooks.attempt', { n: a.attempt_number })}</strong> · <DateTime value={a.started_at} /> · {t(`webhooks.outcomes.${a.outcome}`, { defaultValue: a.outcome })}
          {a.response_status !== undefined && a.response_status !== null && ` · HTTP ${a.response_status}`} · {a.latency_ms} ms
          {a.error && <div className="muted small">{a.error}</div>}
        </li>
      ))}
    </ol>
  );
}
