import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { Dialog, ErrorMessage } from '../../components/ui';
import { WEBHOOK_EVENTS, type Webhook } from './api';

/** Add a webhook or edit one: its URL, description, the order events it subscribes to, on or off. */
export function WebhookFormDialog({ webhook, onClose, onDone }: { webhook: Webhook | null; onClose: () => void; onDone: (saved: Webhook) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(webhook?.url ?? 'https://');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [events, setEvents] = useState<string[]>(webhook?.events ?? WEBHOOK_EVENTS);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      request<Webhook>(webhook ? `/portal/v1/webhooks/${webhook.webhook_id}` : '/portal/v1/webhooks', {
        method: webhook ? 'PUT' : 'POST',
        body: { type: 'order', url: url.trim(), description: description.trim() || undefined, events, enabled },
      }),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (events.length > 0) save.mutate();
  };
  return (
    <Dialog title={webhook ? t('webhooks.edit') : t('webhooks.add')} open onClose={onClose}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="webhook-url">{t('webhooks.url')}</label>
          <input id="webhook-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} dir="ltr" autoFocus />
        </div>
        <div className="field">
          <label htmlFor="webhook-description">{t('webhooks.description')}</label>
          <input id="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <fieldset className="field">
          <legend>{t('webhooks.events')}</legend>
          <div className="checkbox-grid">
            {WEBHOOK_EVENTS.map((code) => (
              <div className="checkbox" key={code}>
                <input id={`event-${code}`} type="checkbox" checked={events.includes(code)} onChange={(e) => setEvents(e.target.checked ? [...events, code] : events.filter((c) => c !== code))} />
                <label htmlFor={`event-${code}`}>{t(`webhookEvents.${code}`, { defaultValue: code })}</label>
              </div>
            ))}
          </div>
          {touched && events.length === 0 && <p className="field-error">{t('webhooks.chooseEvents')}</p>}
        </fieldset>
        <div className="field checkbox">
          <input id="webhook-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <label htmlFor="webhook-enabled">{t('webhooks.enabled')}</label>
        </div>
        <ErrorMessage error={save.error} />
        <div className="dialog-actions">
          <button type="button" className="button-ghost" onClick={onClose}>{t('app.cancel')}</button>
          <button type="submit" className="button-primary" disabled={save.isPending}>{t('app.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
