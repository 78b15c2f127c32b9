import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { DateTime, ErrorMessage, Loading, PageHeader, ListFooter } from '../../components/ui';
import { useEntityName } from '../../components/entities';
import { UserText } from '../../components/UserText';

const ACTIONS = ['merchant.registered', 'legal_entity.registered', 'user.invited', 'user.activation_reissued', 'user.role_changed', 'user.entities_changed', 'user.disabled', 'user.enabled', 'user.removed', 'role.created', 'role.updated', 'role.deleted', 'api_token.created', 'api_token.revoked', 'user.second_factor_enabled', 'user.second_factor_disabled', 'user.second_factor_reset', 'user.recovery_codes_regenerated', 'user.recovery_code_used', 'merchant.second_factor_requirement_changed'];

type Json = Record<string, unknown>;

/** One field an entry changed: its name and its value before and after (absent when the entry created or removed it). */
export interface Change {
  field: string;
  before?: unknown;
  after?: unknown;
  changed: boolean;
}

/** What an entry changed, field by field (or the values of a creation or removal). */
export function changes(entry: Pick<AuditEntry, 'before' | 'after'>): Change[] {
  const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Json;
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Json;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => (key in before && key in after ? { field: key, before: before[key], after: after[key], changed: true } : { field: key, after: key in after ? after[key] : before[key], changed: false }));
}

/** A field's value in words: roles, statuses, permissions, legal entities, languages and yes/no by name. */
function useAuditValue() {
  const { t } = useTranslation();
  const entityName = useEntityName();
  const word = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '' || value === 'null') return '—';
    if (Array.isArray(value)) return value.length ? value.map((v) => word(field, v)).join(', ') : '—';
    if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
    if (typeof value === 'object') {
      const named = value as Json;
      if (field === 'role' && typeof named.id === 'string') return t(`roleNames.${named.id}`, { defaultValue: String(named.name ?? named.id) });
      return typeof named.name === 'string' ? named.name : JSON.stringify(value);
    }
    const text = String(value);
    if (field === 'status') return t(`status.${text}`, { defaultValue: text });
    if (field === 'locale') return text === 'ar' ? t('users.arabic') : text === 'en' ? t('users.english') : text;
    if (field === 'permissions') return t(`permissions.${text}`, { defaultValue: text });
    if (field === 'legal_entity_ids' || field === 'legal_entity_id') return entityName(text);
    if (field === 'second_factor') return t(`security.${text === 'on' ? 'on' : 'off'}`);
    return text;
  };
  return word;
}

function ChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const value = useAuditValue();
  return (
    <ul className="changes">
      {changes(entry).map((change) => (
        <li key={change.field}>
          <span className="muted">{t(`audit.fields.${change.field}`, { defaultValue: change.field })}:</span>{' '}
          {change.changed && (
            <>
              <UserText value={value(change.field, change.before)} /> {'→'}{' '}
            </>
          )}
          <UserText value={value(change.field, change.after)} />
        </li>
      ))}
    </ul>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const log = useInfiniteQuery({
    queryKey: ['audit-log', action],
    queryFn: ({ pageParam }) => request<{ entries: AuditEntry[]; next_cursor?: string }>('/portal/v1/audit-log', { query: { action, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <div className="card filters">
        <div className="field">
          <label htmlFor="audit-action">{t('audit.actionFilter')}</label>
          <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('app.all')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>{t(`auditActions.${a}`, { defaultValue: a })}</option>
            ))}
          </select>
        </div>
      </div>
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col" className="hide-narrow">{t('audit.target')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                  <th scope="col" className="hide-narrow">{t('audit.address')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap"><DateTime value={entry.occurred_at} /></td>
                    <td>{t(`auditActions.${entry.action}`, { defaultValue: entry.action })}</td>
                    <td>
                      {entry.actor.email ? <UserText value={entry.actor.email} /> : t(`audit.actorTypes.${entry.actor.type}`, { defaultValue: entry.actor.type })}
                    </td>
                    <td className="hide-narrow small">
                      {entry.target ? (
                        <>
                          {t(`audit.targets.${entry.target.type}`, { defaultValue: entry.target.type })}
                          {entry.target.id && <div className="muted mono id-cell" dir="ltr" title={entry.target.id}>{entry.target.id}</div>}
                        </>
                      ) : '—'}
                    </td>
                    <td className="small">
                      <ChangeList entry={entry} />
                    </td>
                    <td className="hide-narrow mono small" dir="ltr">{entry.client_address ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListFooter empty={rows.length === 0} pages={log} />
        </div>
      )}
    </>
  );
}
