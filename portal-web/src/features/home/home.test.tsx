import { screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { setSession } from '../../api/client';
import { mockApi, renderAt, signInAs } from '../../test-utils';

const sar = (amount: string) => ({ amount, currency: 'SAR' });
const figures = { currency: 'SAR', orders: 3, sales: sar('450.00'), captures: sar('200.00'), refunds: sar('25.50'), cancels: sar('0.00') };
const weeks = Array.from({ length: 12 }, (_, i) => ({
  week_start: new Date(Date.UTC(2026, 8, 21 + 7 * i)).toISOString().slice(0, 10),
  figures: [i === 11 ? figures : { ...figures, orders: 0, sales: sar('0.00'), captures: sar('0.00'), refunds: sar('0.00') }],
}));
const summary = {
  time_zone: 'Asia/Riyadh', today: '2026-12-07', week_start: '2026-12-07', today_figures: [figures], week_figures: [figures],
  needs_action: { awaiting_authorisation: { count: 2, amounts: [sar('155.00')] }, awaiting_capture: { count: 4, amounts: [sar('900.00')] }, expiring_soon: { count: 1, before: '2026-12-08T10:00:00Z' } },
  weeks,
};
const settlement = { legal_entities: [{ legal_entity_id: 'le-1', currency: 'SAR', cycle: 'weekly', time_zone: 'Asia/Riyadh', upcoming_payment: { report_id: 'r-9', settlement_reference: 'S-9', amount: sar('1234.56'), expected_date: '2026-12-10', status: 'pending' }, last_settlement: { amount: sar('987.65'), settled_on: '2026-12-03' } }] };
const entities = { legal_entities: [{ id: 'le-1', legal_name_en: 'Demo KSA', legal_name_ar: 'ديمو', country_code: 'SA', currency: 'SAR', time_zone: 'Asia/Riyadh' }] };

beforeEach(async () => {
  setSession(null);
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
  await i18n.changeLanguage('en');
  mockApi((url) => {
    if (url.pathname === '/portal/v1/orders/summary') return { body: summary };
    if (url.pathname === '/portal/v1/settlements/info') return { body: settlement };
    if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
    return undefined;
  });
});

describe('home page', () => {
  it('shows today, what needs action and the payouts, each linking to the list behind it', async () => {
    signInAs(['orders.view', 'settlements.view']);
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Home' })).toBeInTheDocument();
    const today = within(await screen.findByRole('region', { name: /Today/ }));
    const sales = today.getByRole('link', { name: /450\.00/ });
    const target = new URL(sales.getAttribute('href') ?? '', 'http://x');
    expect(target.pathname).toBe('/orders');
    expect(target.searchParams.get('created_from')).toBe('2026-12-07');
    expect(target.searchParams.get('currency')).toBe('SAR');
    expect(target.searchParams.get('status')).not.toContain('new');
    const action = within(screen.getByRole('region', { name: 'Needs your action' }));
    expect(action.getByRole('link', { name: /waiting for capture.*4/ })).toHaveAttribute('href', '/orders?status=authorised%2Cupdated');
    const payouts = within(await screen.findByRole('region', { name: 'Payouts' }));
    expect(await payouts.findByRole('link', { name: /1,234\.56/ })).toHaveAttribute('href', '/settlements/r-9');
    expect(payouts.getByText(/987\.65/)).toBeInTheDocument();
  });

  it('gives the 12 weeks as a table beside the chart', async () => {
    signInAs(['orders.view']);
    renderAt('/');
    const table = await screen.findByRole('table', { name: 'The last 12 weeks in SAR' });
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(screen.getByRole('img', { name: /Bar chart of sales/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Payouts' })).not.toBeInTheDocument();
  });

  it('is in Arabic with Arabic headings', async () => {
    await i18n.changeLanguage('ar');
    signInAs(['orders.view']);
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'الرئيسية' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: /بانتظار إجراء منك/ })).toBeInTheDocument();
  });

  it('sends a user without orders.view to the first page their role allows', async () => {
    signInAs(['settlements.view']);
    renderAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settlement reports' })).toBeInTheDocument();
  });
});
