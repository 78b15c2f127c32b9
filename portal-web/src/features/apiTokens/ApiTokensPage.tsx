import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { CopyButton, DateTime, Dialog, ErrorMessage, Loading, Notice, PageHeader, StatusBadge, ListFooter } from '../../components/ui';
import { UserText } from '../../components/UserText';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tokens = useInfiniteQuery({
    queryKey: ['api-tokens'],
    queryFn: ({ pageParam }) => request<{ api_tokens: ApiToken[]; next_cursor?: string }>('/portal/v1/api-tokens', { query: { limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const create = useMutation({
    mutationFn: () => request<{ name: string; token: string }>('/portal/v1/api-tokens', { method: 'POST', body: { name: name.trim() } }),
    onSuccess: (token) => {
      setAdding(false);
      setName('');
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => request(`/portal/v1/api-tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setNotice(t('apiTokens.revoked'));
      void queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    },
  });
  const rows = tokens.data?.pages.flatMap((p) => p.api_tokens) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <>
      <PageHeader title={t('apiTokens.title')}>
        <button type="button" className="button-primary" onClick={() => { setNotice(null); setCreated(null); setAdding(true); }}>{t('apiTokens.add')}</button>
      </PageHeader>
      {created && (
        <div className="alert alert-success" role="status">
          <p>{t('apiTokens.newToken')}</p>
          <div className="secret-row">
            <code className="secret" dir="ltr" data-testid="new-api-token">{created.token}</code>
            <CopyButton text={created.token} />
          </div>
        </div>
      )}
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={revoke.error} />
      {tokens.isPending && <Loading />}
      <ErrorMessage error={tokens.error} />
      {tokens.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('apiTokens.name')}</th>
                  <th scope="col">{t('apiTokens.prefix')}</th>
                  <th scope="col">{t('apiTokens.created')}</th>
                  <th scope="col">{t('apiTokens.lastUsed')}</th>
                  <th scope="col">{t('app.status')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((token) => (
                  <tr key={token.id}>
                    <td className="strong"><UserText value={token.name} /></td>
                    <td className="mono" dir="ltr">{token.prefix}…</td>
                    <td><DateTime value={token.created_at} /></td>
                    <td>{token.last_used_at ? <DateTime value={token.last_used_at} /> : t('apiTokens.never')}</td>
                    <td><StatusBadge status={token.revoked ? 'revoked' : 'active'} /></td>
                    <td>
                      {!token.revoked && (
                        <button type="button" className="button-link danger" onClick={() => window.confirm(t('apiTokens.revokeConfirm', { name: token.name })) && revoke.mutate(token)} aria-label={`${t('apiTokens.revoke')}: ${token.name}`}>
                          {t('apiTokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListFooter empty={rows.length === 0} pages={tokens} />
        </div>
      )}
      <Dialog title={t('apiTokens.add')} open={adding} onClose={() => setAdding(false)}>
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="token-name">{t('apiTokens.name')}</label>
            <input id="token-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </div>
          <ErrorMessage error={create.error} />
          <div className="dialog-actions">
            <button type="button" className="button-ghost" onClick={() => setAdding(false)}>{t('app.cancel')}</button>
            <button type="submit" className="button-primary" disabled={create.isPending || !name.trim()}>{t('apiTokens.add')}</button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
