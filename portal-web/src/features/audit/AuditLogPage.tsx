import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { DateTime, ErrorMessage, Loading, PageHeader, ListFooter } from '../../components/ui';

const ACTIONS = ['merchant.registered', 'legal_entity.registered', 'user.invited', 'user.activation_reissued', 'user.role_changed', 'user.entities_changed', 'user.disabled', 'user.enabled', 'user.removed', 'role.created', 'role.updated', 'role.deleted', 'api_token.created', 'api_token.revoked', 'user.second_factor_enabled', 'user.second_factor_disabled', 'user.second_factor_reset', 'user.recovery_codes_regenerated', 'user.recovery_code_used', 'merchant.second_factor_requirement_changed'];

type Json = Record<string, unknown>;

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') {
    const named = value as Json;
    return typeof named.name === 'string' ? named.name : JSON.stringify(value);
  }
  return String(value);
}

/** What an entry changed, field by field: "role: Viewer → Finance", or the new values of a creation. */
export function changes(entry: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Json;
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Json;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => (key in before && key in after ? `${key}: ${show(before[key])} → ${show(after[key])}` : `${key}: ${show(key in after ? after[key] : before[key])}`));
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
                    <td>
                      {t(`auditActions.${entry.action}`, { defaultValue: entry.action })}
                      <div className="muted small mono" dir="ltr">{entry.action}</div>
                    </td>
                    <td dir="auto">{entry.actor.email ?? entry.actor.type}</td>
                    <td className="hide-narrow small mono" dir="ltr">{entry.target ? `${entry.target.type} ${entry.target.id ?? ''}` : '—'}</td>
                    <td className="small" dir="ltr">
                      <ul className="changes">
                        {changes(entry).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
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
