import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { User } from '../../api/types';
import { useSession } from '../../auth/AuthContext';
import { useEntities, useEntityName } from '../../components/entities';
import { DateTime, Dialog, ErrorMessage, Loading, Notice, PageHeader, StatusBadge, ListFooter } from '../../components/ui';
import { useRoles } from './api';
import { UserText } from '../../components/UserText';

export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const entityName = useEntityName();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useInfiniteQuery({
    queryKey: ['users', applied],
    queryFn: ({ pageParam }) => request<{ users: User[]; next_cursor?: string }>('/portal/v1/users', { query: { search: applied, limit: 50, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const action = useMutation({
    mutationFn: ({ user, kind }: { user: User; kind: 'activation' | 'disable' | 'enable' | 'second-factor/reset' }) =>
      request(`/portal/v1/users/${user.id}/${kind}`, { method: 'POST' }),
    onSuccess: (_, { user, kind }) => {
      setNotice(kind === 'second-factor/reset' ? t('security.resetDone', { email: user.email })
        : t(kind === 'activation' ? 'users.resent' : kind === 'disable' ? 'users.disabled' : 'users.enabled'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const rows = users.data?.pages.flatMap((p) => p.users) ?? [];

  return (
    <>
      <PageHeader title={t('users.title')}>
        <button type="button" className="button-primary" onClick={() => { setNotice(null); setAdding(true); }}>
          {t('users.add')}
        </button>
      </PageHeader>
      <form className="card filters" role="search" onSubmit={(e) => { e.preventDefault(); setApplied(search.trim()); }}>
        <div className="field grow">
          <label htmlFor="user-search">{t('users.searchLabel')}</label>
          <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field-actions">
          <button type="submit" className="button-secondary">{t('app.search')}</button>
        </div>
      </form>
      <TeamTwoStepSetting />
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={action.error} />
      {users.isPending && <Loading />}
      <ErrorMessage error={users.error} />
      {users.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col" className="hide-narrow">{t('users.entities')}</th>
                  <th scope="col">{t('app.status')}</th>
                  <th scope="col">{t('security.column')}</th>
                  <th scope="col" className="hide-narrow">{t('users.created')}</th>
                  <th scope="col">{t('app.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((user) => {
                  const self = user.id === session?.claims.sub;
                  return (
                    <tr key={user.id}>
                      <td>
                        <UserText className="strong" value={user.full_name} /> {self && <span className="muted">({t('users.you')})</span>}
                        <div className="muted small" dir="ltr">{user.email}</div>
                      </td>
                      <td>{t(`roleNames.${user.role.id}`, { defaultValue: user.role.name })}</td>
                      <td className="hide-narrow">{user.legal_entity_ids.length === 0 ? t('users.allEntities') : user.legal_entity_ids.map(entityName).join(', ')}</td>
                      <td><StatusBadge status={user.status} /></td>
                      <td>
                        <span className={`badge badge-${user.second_factor_enabled ? 'ok' : 'muted'}`}>
                          {user.second_factor_enabled ? t('security.on') : t('security.off')}
                        </span>
                      </td>
                      <td className="hide-narrow"><DateTime value={user.created_at} /></td>
                      <td className="row-actions">
                        <button type="button" className="button-link" onClick={() => { setNotice(null); setEditing(user); }} aria-label={`${t('users.changeRole')}: ${user.email}`}>
                          {t('users.changeRole')}
                        </button>
                        {user.status === 'invited' && (
                          <button type="button" className="button-link" onClick={() => action.mutate({ user, kind: 'activation' })} aria-label={`${t('users.resend')}: ${user.email}`}>
                            {t('users.resend')}
                          </button>
                        )}
                        {user.status !== 'disabled' && !self && (
                          <button
                            type="button"
                            className="button-link danger"
                            onClick={() => window.confirm(t('users.disableConfirm', { email: user.email })) && action.mutate({ user, kind: 'disable' })}
                            aria-label={`${t('users.disable')}: ${user.email}`}
                          >
                            {t('users.disable')}
                          </button>
                        )}
                        {user.second_factor_enabled && !self && (
                          <button
                            type="button"
                            className="button-link danger"
                            onClick={() => window.confirm(t('security.resetConfirm', { email: user.email })) && action.mutate({ user, kind: 'second-factor/reset' })}
                            aria-label={`${t('security.reset')}: ${user.email}`}
                          >
                            {t('security.reset')}
                          </button>
                        )}
                        {user.status === 'disabled' && (
                          <button type="button" className="button-link" onClick={() => action.mutate({ user, kind: 'enable' })} aria-label={`${t('users.enable')}: ${user.email}`}>
                            {t('users.enable')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ListFooter empty={rows.length === 0} pages={users} />
        </div>
      )}
      {adding && (
        <AddUserDialog
          roles={roles.data ?? []}
          onClose={() => setAdding(false)}
          onDone={(user) => {
            setAdding(false);
            setNotice(t('users.invited', { email: user.email }));
            void queryClient.invalidateQueries({ queryKey: ['users'] });
          }}
        />
      )}
      {editing && (
        <ChangeRoleDialog
          user={editing}
          roles={roles.data ?? []}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            setNotice(t('users.roleChanged'));
            void queryClient.invalidateQueries({ queryKey: ['users'] });
          }}
        />
      )}
    </>
  );
}

/** The admin's team setting: whether everyone must sign in with two-step verification. */
function TeamTwoStepSetting() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const settings = useQuery({ queryKey: ['security-settings'], queryFn: () => request<{ second_factor_required: boolean }>('/portal/v1/security-settings') });
  const change = useMutation({
    mutationFn: (required: boolean) => request<{ second_factor_required: boolean }>('/portal/v1/security-settings', { method: 'PUT', body: { second_factor_required: required } }),
    onSuccess: (answer) => {
      queryClient.setQueryData(['security-settings'], answer);
      setSaved(true);
    },
  });
  if (!settings.data) return <ErrorMessage error={settings.error} />;
  return (
    <section className="card" aria-labelledby="team-two-step-title">
      <h2 id="team-two-step-title">{t('security.teamTitle')}</h2>
      <div className="checkbox">
        <input
          id="team-two-step"
          type="checkbox"
          checked={settings.data.second_factor_required}
          disabled={change.isPending}
          onChange={(e) => { setSaved(false); change.mutate(e.target.checked); }}
        />
        <label htmlFor="team-two-step">{t('security.teamRequire')}</label>
      </div>
      <p className="hint">{t('security.teamIntro')}</p>
      {saved && <Notice>{t('security.teamSaved')}</Notice>}
      <ErrorMessage error={change.error} />
    </section>
  );
}

function AddUserDialog({ roles, onClose, onDone }: { roles: { id: string; name: string }[]; onClose: () => void; onDone: (user: User) => void }) {
  const { t, i18n } = useTranslation();
  const entities = useEntities();
  const entityName = useEntityName();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [locale, setLocale] = useState(i18n.language === 'ar' ? 'ar' : 'en');
  const [limitTo, setLimitTo] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => request<User>('/portal/v1/users', { method: 'POST', body: { email: email.trim(), full_name: name.trim(), locale, role, legal_entity_ids: limitTo } }),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Dialog title={t('users.add')} open onClose={onClose}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="new-user-name">{t('users.name')}</label>
          <input id="new-user-name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor="new-user-email">{t('users.email')}</label>
          <input id="new-user-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">{t('users.role')}</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>{t(`roleNames.${r.id}`, { defaultValue: r.name })}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-user-locale">{t('users.language')}</label>
          <select id="new-user-locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="en">{t('users.english')}</option>
            <option value="ar">{t('users.arabic')}</option>
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('users.entities')}</legend>
          <p className="hint">{t('users.allEntities')}: {limitTo.length === 0 ? t('app.yes') : t('app.no')}</p>
          {entities.data?.map((entity) => (
            <div className="checkbox" key={entity.id}>
              <input
                id={`limit-${entity.id}`}
                type="checkbox"
                checked={limitTo.includes(entity.id)}
                onChange={(e) => setLimitTo(e.target.checked ? [...limitTo, entity.id] : limitTo.filter((id) => id !== entity.id))}
              />
              <label htmlFor={`limit-${entity.id}`}>{entityName(entity.id)}</label>
            </div>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} />
        <div className="dialog-actions">
          <button type="button" className="button-ghost" onClick={onClose}>{t('app.cancel')}</button>
          <button type="submit" className="button-primary" disabled={create.isPending || !email || !name}>{t('users.invite')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function ChangeRoleDialog({ user, roles, onClose, onDone }: { user: User; roles: { id: string; name: string }[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState(user.role.id);
  const change = useMutation({
    mutationFn: () => request(`/portal/v1/users/${user.id}`, { method: 'PATCH', body: { role } }),
    onSuccess: onDone,
  });
  return (
    <Dialog title={`${t('users.changeRole')}: ${user.full_name}`} open onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); change.mutate(); }}>
        <div className="field">
          <label htmlFor="change-role">{t('users.role')}</label>
          <select id="change-role" value={role} onChange={(e) => setRole(e.target.value)} autoFocus>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>{t(`roleNames.${r.id}`, { defaultValue: r.name })}</option>
            ))}
          </select>
        </div>
        <ErrorMessage error={change.error} />
        <div className="dialog-actions">
          <button type="button" className="button-ghost" onClick={onClose}>{t('app.cancel')}</button>
          <button type="submit" className="button-primary" disabled={change.isPending || role === user.role.id}>{t('app.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
