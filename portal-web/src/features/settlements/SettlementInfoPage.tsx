import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { SettlementOverview } from '../../api/types';
import { useEntityName } from '../../components/entities';
import { Amount, DateTime, Day, ErrorMessage, Loading, PageHeader, StatusBadge } from '../../components/ui';

export function SettlementInfoPage() {
  const { t } = useTranslation();
  const entityName = useEntityName();
  const info = useQuery({
    queryKey: ['settlement-info'],
    queryFn: () => request<{ legal_entities: SettlementOverview[] }>('/portal/v1/settlements/info').then((r) => r.legal_entities),
  });
  return (
    <>
      <PageHeader title={t('settlements.infoTitle')} />
      {info.isPending && <Loading />}
      <ErrorMessage error={info.error} />
      {info.data?.length === 0 && <p className="empty">{t('app.noResults')}</p>}
      {info.data?.map((e) => (
        <section key={e.legal_entity_id} className="card" aria-labelledby={`entity-${e.legal_entity_id}`}>
          <h2 id={`entity-${e.legal_entity_id}`}>
            {entityName(e.legal_entity_id)} <span className="muted">({e.currency})</span>
          </h2>
          <div className="tiles">
            <div className="tile">
              <div className="tile-label">{t('settlements.upcoming')}</div>
              <div className="tile-value">{e.upcoming_payment ? <Amount money={e.upcoming_payment.amount} /> : t('settlements.none')}</div>
              {e.upcoming_payment && (
                <div className="muted small">
                  {t('settlements.expectedBy')} <Day value={e.upcoming_payment.expected_date} /> · <StatusBadge status={e.upcoming_payment.status} />
                </div>
              )}
            </div>
            <div className="tile">
              <div className="tile-label">{t('settlements.notPaidYet')}</div>
              <div className="tile-value"><Amount money={e.not_paid_yet} /></div>
            </div>
            <div className="tile">
              <div className="tile-label">{t('settlements.currentBalance')}</div>
              <div className="tile-value"><Amount money={e.current_balance} /></div>
            </div>
            <div className="tile">
              <div className="tile-label">{t('settlements.lastSettled')}</div>
              <div className="tile-value">{e.last_settlement ? <Amount money={e.last_settlement.amount} /> : t('settlements.none')}</div>
              {e.last_settlement && <div className="muted small"><Day value={e.last_settlement.settled_on} /></div>}
            </div>
          </div>
          <dl className="facts">
            <div><dt>{t('settlements.cycle')}</dt><dd>{t(`settlements.${e.cycle}`, { defaultValue: e.cycle })}</dd></div>
            <div><dt>{t('settlements.timeZone')}</dt><dd dir="ltr">{e.time_zone}</dd></div>
            {e.fee && (
              <div>
                <dt>{t('settlements.fee')}</dt>
                <dd>{Number(e.fee.percentage)}% + <Amount money={e.fee.fixed_amount} /></dd>
              </div>
            )}
            {e.vat_rate !== undefined && <div><dt>{t('settlements.vat')}</dt><dd>{Number(e.vat_rate)}%</dd></div>}
            {e.current_period && (
              <div>
                <dt>{t('settlements.currentPeriod')}</dt>
                <dd>
                  <Day value={e.current_period.start} /> – <Day value={e.current_period.end} />
                  <div className="muted small">{t('settlements.closesAt')} <DateTime value={e.current_period.closes_at} entityId={e.legal_entity_id} /></div>
                </dd>
              </div>
            )}
            <div>
              <dt>{t('settlements.bank')}</dt>
              <dd>
                {e.bank_account ? (
                  <>
                    <span className="mono" dir="ltr">{e.bank_account.iban_masked}</span>
                    <div className="muted small">{e.bank_account.bank_name} · {e.bank_account.account_holder}</div>
                  </>
                ) : (
                  t('settlements.noBank')
                )}
              </dd>
            </div>
          </dl>
        </section>
      ))}
    </>
  );
}
