import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../api/client';
import type { LegalEntity } from '../api/types';
import { useSession } from '../auth/AuthContext';

const DEFAULT_ZONE = 'Asia/Riyadh';

/** The merchant's legal entities (those the user may see), for names, currencies and time zones. */
export function useEntities() {
  const session = useSession();
  return useQuery({
    queryKey: ['legal-entities'],
    queryFn: () => request<{ legal_entities: LegalEntity[] }>('/portal/v1/legal-entities').then((r) => r.legal_entities),
    enabled: !!session,
    staleTime: 5 * 60_000,
  });
}

/**
 * The legal entity a form acts for. A user limited to some entities must name one (the services refuse "all"), so
 * for them the form starts on their first entity and offers no "All"; others start on "All" (''). `ready` is false
 * until a limited user's entities are known: a query sent before would ask for "all" and be refused.
 */
export function useEntityChoice() {
  const session = useSession();
  const { data } = useEntities();
  const limited = (session?.claims.entities.length ?? 0) > 0;
  const [picked, setPicked] = useState('');
  const value = picked || (limited ? (data?.[0]?.id ?? '') : '');
  return { value, onChange: setPicked, includeAll: !limited, ready: !limited || !!value };
}

export function useEntityZone(entityId?: string) {
  const { data } = useEntities();
  const entity = data?.find((e) => e.id === entityId) ?? data?.[0];
  return entity?.time_zone ?? DEFAULT_ZONE;
}

export function useEntityName() {
  const { data } = useEntities();
  const { i18n } = useTranslation();
  return (id?: string) => {
    const entity = data?.find((e) => e.id === id);
    if (!entity) return id ?? '—';
    return i18n.language === 'ar' ? entity.legal_name_ar : entity.legal_name_en;
  };
}

/** The picker appears once the entities are known, so that it never shows (or reads as) an empty choice. */
export function EntitySelect({ value, onChange, includeAll = true, id = 'entity' }: { value: string; onChange: (v: string) => void; includeAll?: boolean; id?: string }) {
  const { data } = useEntities();
  const name = useEntityName();
  const { t } = useTranslation();
  if (!data) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('app.entity')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {includeAll && <option value="">{t('app.all')}</option>}
        {data?.map((entity) => (
          <option key={entity.id} value={entity.id}>
            {name(entity.id)} ({entity.currency})
          </option>
        ))}
      </select>
    </div>
  );
}
