import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { request } from '../../api/client';
import { DateTime, ErrorMessage, Loading, PageHeader, StatusBadge } from '../../components/ui';
import type { Webhook } from './api';
import { WebhookFormDialog } from './WebhookFormDialog';

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
                      {w.description && <div className="muted small">{w.description}</div>}
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
