import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { request } from '../../api/client';
import { CopyButton, DateTime, ErrorMessage, Loading, Notice, PageHeader, StatusBadge } from '../../components/ui';
import type { Webhook } from './api';
import { WebhookFormDialog } from './WebhookFormDialog';
import { UserText } from '../../components/UserText';

export function WebhooksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: () => request<Webhook[]>('/portal/v1/webhooks') });
  return (
    <>
      <PageHeader title={t('webhooks.title')}>
        <button type="button" className="button-primary" onClick={() => setAdding(true)}>{t('webhooks.add')}</button>
      </PageHeader>
      {webhooks.isPending && <Loading />}
      <ErrorMessage error={webhooks.error} />
      {webhooks.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.url')}</th>
                  <th scope="col">{t('webhooks.events')}</th>
                  <th scope="col">{t('app.status')}</th>
                  <th scope="col" className="hide-narrow">{t('apiTokens.created')}</th>
                </tr>
              </thead>
              <tbody>
                {webhooks.data.map((w) => (
                  <tr key={w.webhook_id}>
                    <td>
                      <Link to={`/webhooks/${w.webhook_id}`} className="strong break" dir="ltr">{w.url}</Link>
                      {w.description && <div className="muted small"><UserText value={w.description} /></div>}
                    </td>
                    <td className="small">{w.events.map((e) => t(`webhookEvents.${e}`, { defaultValue: e })).join(', ')}</td>
                    <td><StatusBadge status={w.enabled ? 'enabled' : 'disabled'} /></td>
                    <td className="hide-narrow"><DateTime value={w.created_at} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {webhooks.data.length === 0 && <p className="empty">{t('app.noResults')}</p>}
        </div>
      )}
      <NotificationToken />
      {adding && (
        <WebhookFormDialog
          webhook={null}
          onClose={() => setAdding(false)}
          onDone={(saved) => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
            navigate(`/webhooks/${saved.webhook_id}`);
          }}
        />
      )}
    </>
  );
}

/** The merchant's notification token: the key of the tamaraToken each delivery carries. */
function NotificationToken() {
  const { t } = useTranslation();
  const [token, setToken] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => request<{ notification_token: string }>('/portal/v1/webhooks/notification-token'),
    onSuccess: (r) => setToken(r.notification_token),
  });
  const rotate = useMutation({
    mutationFn: () => request<{ notification_token: string }>('/portal/v1/webhooks/notification-token/rotate', { method: 'POST' }),
    onSuccess: (r) => {
      setToken(r.notification_token);
      setNotice(t('webhooks.tokenRotated'));
    },
  });
  return (
    <section className="card" aria-labelledby="notification-token-title">
      <h2 id="notification-token-title">{t('webhooks.notificationToken')}</h2>
      <p className="muted">{t('webhooks.notificationTokenNote')}</p>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={reveal.error || rotate.error} />
      <div className="secret-row">
        <code className="secret" dir="ltr">{token ?? '••••••••••••••••••••••••'}</code>
        {token ? (
          <>
            <CopyButton text={token} />
            <button type="button" className="button-ghost" onClick={() => setToken(null)}>{t('webhooks.hide')}</button>
          </>
        ) : (
          <button type="button" className="button-secondary" onClick={() => reveal.mutate()}>{t('webhooks.reveal')}</button>
        )}
        <button type="button" className="button-secondary" onClick={() => window.confirm(t('webhooks.rotateTokenConfirm')) && rotate.mutate()}>{t('webhooks.rotate')}</button>
      </div>
    </section>
  );
}
