import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText';
import { request } from '../../api/client';
import type { Role } from '../../api/types';
import { Dialog, ErrorMessage, Loading, Notice, PageHeader } from '../../components/ui';
import { useRoles } from './api';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const permissions = useQuery({
    queryKey: ['permissions'],
    queryFn: () => request<{ permissions: { code: string }[] }>('/portal/v1/permissions').then((r) => r.permissions.map((p) => p.code)),
  });
  const remove = useMutation({
    mutationFn: (role: Role) => request(`/portal/v1/roles/${role.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setNotice(t('roles.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
    },
  });
  const all = permissions.data ?? [];

  return (
    <>
      <PageHeader title={t('roles.title')}>
        <button type="button" className="button-primary" onClick={() => { setNotice(null); setEditing('new'); }}>{t('roles.add')}</button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={remove.error} />
      {roles.isPending && <Loading />}
      <ErrorMessage error={roles.error} />
      {roles.data && (
        <div className="card table-card">
          <div className="table-scroll">
            <table className="matrix">
              <caption className="visually-hidden">{t('roles.permissions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roles.permissions')}</th>
                  {roles.data.map((role) => (
                    <th scope="col" key={role.id} className="center">
                      {role.built_in ? t(`roleNames.${role.id}`, { defaultValue: role.name }) : <UserText value={role.name} />}
                      <div className="muted small">{role.built_in ? t('roles.builtIn') : t('roles.custom')}</div>
                      {!role.built_in && (
                        <div className="row-actions">
                          <button type="button" className="button-link" onClick={() => setEditing(role)} aria-label={`${t('roles.edit')}: ${role.name}`}>{t('roles.edit')}</button>
                          <button type="button" className="button-link danger" onClick={() => window.confirm(`${t('roles.delete')}: ${role.name}?`) && remove.mutate(role)} aria-label={`${t('roles.delete')}: ${role.name}`}>{t('roles.delete')}</button>
                        </div>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {all.map((code) => (
                  <tr key={code}>
                    <th scope="row">
                      {t(`permissions.${code}`, { defaultValue: code })}
                    </th>
                    {roles.data.map((role) => (
                      <td key={role.id} className="center">
                        {role.permissions.includes(code) ? (
                          <span className="check"><span aria-hidden="true">✓</span><span className="visually-hidden">{t('app.yes')}</span></span>
                        ) : (
                          <span className="muted"><span aria-hidden="true">–</span><span className="visually-hidden">{t('app.no')}</span></span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {editing && (
        <RoleDialog
          role={editing === 'new' ? null : editing}
          permissions={all}
          onClose={() => setEditing(null)}
          onDone={(created) => {
            setEditing(null);
            setNotice(t(created ? 'roles.created' : 'roles.updated'));
            void queryClient.invalidateQueries({ queryKey: ['roles'] });
          }}
        />
      )}
    </>
  );
}

function RoleDialog({ role, permissions, onClose, onDone }: { role: Role | null; permissions: string[]; onClose: () => void; onDone: (created: boolean) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [chosen, setChosen] = useState<string[]>(role?.permissions ?? ['orders.view']);
  const save = useMutation({
    mutationFn: () =>
      request(role ? `/portal/v1/roles/${role.id}` : '/portal/v1/roles', { method: role ? 'PUT' : 'POST', body: { name: name.trim(), description: description.trim(), permissions: chosen } }),
    onSuccess: () => onDone(!role),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog title={role ? role.name : t('roles.add')} open onClose={onClose}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="role-name">{t('roles.name')}</label>
          <input id="role-name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor="role-description">{t('roles.description')}</label>
          <input id="role-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <fieldset className="field">
          <legend>{t('roles.permissions')}</legend>
          {permissions.map((code) => (
            <div className="checkbox" key={code}>
              <input id={`perm-${code}`} type="checkbox" checked={chosen.includes(code)} onChange={(e) => setChosen(e.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))} />
              <label htmlFor={`perm-${code}`}>{t(`permissions.${code}`, { defaultValue: code })}</label>
            </div>
          ))}
        </fieldset>
        <ErrorMessage error={save.error} />
        <div className="dialog-actions">
          <button type="button" className="button-ghost" onClick={onClose}>{t('app.cancel')}</button>
          <button type="submit" className="button-primary" disabled={save.isPending || !name.trim()}>{t('app.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
