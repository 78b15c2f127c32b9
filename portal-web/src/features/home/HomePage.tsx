import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import type { Money, SettlementOverview } from '../../api/types';
import { useCan } from '../../auth/AuthContext';
import { useEntityName, useEntityZone } from '../../components/entities';
import { Amount, Day, ErrorMessage, Loading, PageHeader } from '../../components/ui';
import { formatDay } from '../../format/dates';
import { WeeklyChart } from './WeeklyChart';

interface Figures {
  currency: string;
  orders: number;
  sales: Money;
  captures: Money;
  refunds: Money;
  cancels: Money;
}

interface Group {
  count: number;
  amounts: Money[];
}

export interface OrderSummary {
  time_zone: string;
  today: string;
  week_start: string;
  today_figures: Figures[];
  week_figures: Figures[];
  needs_action: { awaiting_authorisation: Group; awaiting_capture: Group; expiring_soon: { count: number; before: string } };
  weeks: { week_start: string; figures: Figures[] }[];
}

/** The statuses of orders the customer approved and that did not expire: what the figures count as sales. */
const SOLD = 'approved,authorised,updated,partially_captured,fully_captured,partially_refunded,fully_refunded,canceled';
const CAPTURED = 'partially_captured,fully_captured,partially_refunded,fully_refunded';
const REFUNDED = 'partially_refunded,fully_refunded';
const CANCELED = 'canceled,updated';

function addDays(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function ordersLink(query: Record<string, string>) {
  return `/orders?${new URLSearchParams(query).toString()}`;
}

/** The business at a glance: today's and this week's figures, what needs the merchant, payouts and 12 weeks. */
export function HomePage() {
  const { t } = useTranslation();
  const can = useCan();
  const zone = useEntityZone();
  const summary = useQuery({
    queryKey: ['order-summary', zone],
    queryFn: () => request<OrderSummary>('/portal/v1/orders/summary', { query: { time_zone: zone } }),
  });
  return (
    <>
      <PageHeader title={t('home.title')} />
      {summary.isPending && <Loading />}
      <ErrorMessage error={summary.error} />
      {summary.data && (
        <>
          <div className="grid-halves">
            <Period title={t('home.today')} figures={summary.data.today_figures} from={summary.data.today} to={summary.data.today} id="today" />
            <Period title={t('home.thisWeek')} figures={summary.data.week_figures} from={summary.data.week_start} to={addDays(summary.data.week_start, 6)} id="week" />
          </div>
          <NeedsAction summary={summary.data} />
        </>
      )}
      {can('settlements.view') && <Payouts />}
      {summary.data && <Weeks summary={summary.data} />}
    </>
  );
}

function Period({ title, figures, from, to, id }: { title: string; figures: Figures[]; from: string; to: string; id: string }) {
  const { t, i18n } = useTranslation();
  const created = { created_from: from, created_to: to };
  const updated = { updated_from: from, updated_to: to };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted small">{from === to ? formatDay(from, i18n.language) : `${formatDay(from, i18n.language)} – ${formatDay(to, i18n.language)}`}</span>
      </h2>
      {figures.length === 0 ? (
        <p className="empty">{t('home.nothingYet')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('home.currency')}</th>
                <th scope="col" className="num">{t('home.orders')}</th>
                <th scope="col" className="num">{t('home.sales')}</th>
                <th scope="col" className="num">{t('home.captures')}</th>
                <th scope="col" className="num">{t('home.refunds')}</th>
                <th scope="col" className="num">{t('home.cancels')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((row) => (
                <tr key={row.currency}>
                  <th scope="row">{row.currency}</th>
                  <td className="num"><Link to={ordersLink({ ...created, currency: row.currency, status: SOLD })}>{row.orders.toLocaleString(i18n.language)}</Link></td>
                  <td className="num"><Link to={ordersLink({ ...created, currency: row.currency, status: SOLD })}><Amount money={row.sales} plain /></Link></td>
                  <td className="num"><Link to={ordersLink({ ...updated, currency: row.currency, status: CAPTURED })}><Amount money={row.captures} plain /></Link></td>
                  <td className="num"><Link to={ordersLink({ ...updated, currency: row.currency, status: REFUNDED })}><Amount money={row.refunds} plain /></Link></td>
                  <td className="num"><Link to={ordersLink({ ...updated, currency: row.currency, status: CANCELED })}><Amount money={row.cancels} plain /></Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Amounts({ amounts }: { amounts: Money[] }) {
  if (amounts.length === 0) return null;
  return (
    <div className="muted small">
      {amounts.map((money, index) => (
        <span key={money.currency}>
          {index > 0 && ' · '}
          <Amount money={money} />
        </span>
      ))}
    </div>
  );
}

function NeedsAction({ summary }: { summary: OrderSummary }) {
  const { t, i18n } = useTranslation();
  const action = summary.needs_action;
  return (
    <section className="card" aria-labelledby="action-title">
      <h2 id="action-title">{t('home.needsAction')}</h2>
      <div className="tiles">
        <Link className="tile tile-link" to={ordersLink({ status: 'approved' })}>
          <span className="tile-label">{t('home.awaitingAuthorisation')}</span>
          <span className="tile-value">{action.awaiting_authorisation.count.toLocaleString(i18n.language)}</span>
          <Amounts amounts={action.awaiting_authorisation.amounts} />
        </Link>
        <Link className="tile tile-link" to={ordersLink({ status: 'authorised,updated' })}>
          <span className="tile-label">{t('home.awaitingCapture')}</span>
          <span className="tile-value">{action.awaiting_capture.count.toLocaleString(i18n.language)}</span>
          <Amounts amounts={action.awaiting_capture.amounts} />
        </Link>
        <Link className="tile tile-link" to={ordersLink({ status: 'approved' })}>
          <span className="tile-label">{t('home.expiringSoon')}</span>
          <span className="tile-value">{action.expiring_soon.count.toLocaleString(i18n.language)}</span>
          <span className="muted small">{t('home.expiringHint')}</span>
        </Link>
      </div>
    </section>
  );
}

function Payouts() {
  const { t } = useTranslation();
  const entityName = useEntityName();
  const info = useQuery({
    queryKey: ['settlement-info'],
    queryFn: () => request<{ legal_entities: SettlementOverview[] }>('/portal/v1/settlements/info').then((r) => r.legal_entities),
  });
  return (
    <section className="card" aria-labelledby="payouts-title">
      <h2 id="payouts-title">{t('home.payouts')}</h2>
      {info.isPending && <Loading />}
      <ErrorMessage error={info.error} />
      {info.data?.length === 0 && <p className="empty">{t('app.noResults')}</p>}
      <div className="tiles">
        {info.data?.map((entity) => (
          <div className="tile tile-stack" key={entity.legal_entity_id}>
            <span className="tile-label">{entityName(entity.legal_entity_id)}</span>
            <span className="small">{t('home.nextSettlement')}</span>
            <span className="tile-value">
              {entity.upcoming_payment ? (
                <Link to={`/settlements/${entity.upcoming_payment.report_id}`}><Amount money={entity.upcoming_payment.amount} /></Link>
              ) : (
                t('settlements.none')
              )}
            </span>
            {entity.upcoming_payment && (
              <span className="muted small">{t('settlements.expectedBy')} <Day value={entity.upcoming_payment.expected_date} /></span>
            )}
            <span className="small">
              {t('home.lastPayout')}:{' '}
              {entity.last_settlement ? (
                <Link to="/settlements?status=settled"><Amount money={entity.last_settlement.amount} /> · <Day value={entity.last_settlement.settled_on} /></Link>
              ) : (
                t('settlements.none')
              )}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}

const COLORS = { sales: '#1d4ed8', captures: '#047857', refunds: '#b45309', cancels: '#6b7280' };

function Weeks({ summary }: { summary: OrderSummary }) {
  const { t, i18n } = useTranslation();
  const currencies = summary.weeks[0]?.figures.map((f) => f.currency) ?? [];
  const [picked, setPicked] = useState('');
  const currency = currencies.includes(picked) ? picked : (currencies[0] ?? '');
  const rows = useMemo(
    () => summary.weeks.map((week) => ({ week: week.week_start, figures: week.figures.find((f) => f.currency === currency) })),
    [summary, currency],
  );
  const labels = useMemo(() => rows.map((row) => formatDay(row.week, i18n.language)), [rows, i18n.language]);
  const series = useMemo(
    () =>
      (['sales', 'captures', 'refunds', 'cancels'] as const).map((key) => ({
        label: t(`home.${key}`),
        color: COLORS[key],
        values: rows.map((row) => Number(row.figures?.[key].amount ?? 0)),
      })),
    [rows, t],
  );
  return (
    <section className="card" aria-labelledby="weeks-title">
      <div className="card-header">
        <h2 id="weeks-title">{t('home.weeks')}</h2>
        {currencies.length > 1 && (
          <div className="field inline">
            <label htmlFor="weeks-currency">{t('home.currency')}</label>
            <select id="weeks-currency" value={currency} onChange={(e) => setPicked(e.target.value)}>
              {currencies.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      {currencies.length === 0 ? (
        <p className="empty">{t('home.nothingYet')}</p>
      ) : (
        <>
          <WeeklyChart labels={labels} series={series} rtl={i18n.dir() === 'rtl'} locale={i18n.language} description={t('home.chartDescription', { currency })} />
          <div className="table-scroll">
            <table>
              <caption>{t('home.weeksTable', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('home.weekOf')}</th>
                  <th scope="col" className="num">{t('home.orders')}</th>
                  <th scope="col" className="num">{t('home.sales')}</th>
                  <th scope="col" className="num">{t('home.captures')}</th>
                  <th scope="col" className="num">{t('home.refunds')}</th>
                  <th scope="col" className="num">{t('home.cancels')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ week, figures }) => (
                  <tr key={week}>
                    <th scope="row"><Link to={ordersLink({ created_from: week, created_to: addDays(week, 6), currency, status: SOLD })}><Day value={week} /></Link></th>
                    <td className="num">{(figures?.orders ?? 0).toLocaleString(i18n.language)}</td>
                    <td className="num"><Amount money={figures?.sales} plain /></td>
                    <td className="num"><Amount money={figures?.captures} plain /></td>
                    <td className="num"><Amount money={figures?.refunds} plain /></td>
                    <td className="num"><Amount money={figures?.cancels} plain /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
