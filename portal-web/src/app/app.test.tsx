import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../i18n';
import { setSession } from '../api/client';
import { mockApi, renderAt, signInAs } from '../test-utils';

const entities = { legal_entities: [{ id: 'le-1', legal_name_en: 'Demo KSA', legal_name_ar: 'ديمو', country_code: 'SA', currency: 'SAR', time_zone: 'Asia/Riyadh' }] };

beforeEach(async () => {
  setSession(null);
  await i18n.changeLanguage('en');
});

describe('sign-in', () => {
  it('says in words why a sign-in was refused', async () => {
    mockApi((url) => (url.pathname === '/auth/v1/sign-in' ? { status: 401, body: { message: 'no', errors: [{ error_code: 'invalid_credentials' }] } } : undefined));
    renderAt('/sign-in');
    await userEvent.type(screen.getByLabelText('Email'), 'a@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not right.');
  });

  it('sends anyone not signed in to the sign-in page', async () => {
    mockApi(() => undefined);
    renderAt('/orders');
    expect(await screen.findByRole('heading', { name: 'Sign in to Partners Portal' })).toBeInTheDocument();
  });
});

describe('roles', () => {
  it('shows a viewer neither the Users page nor the Refund button', async () => {
    signInAs(['orders.view', 'settlements.view', 'invoices.view']);
    mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/orders/o-1') return { body: order('fully_captured') };
      return undefined;
    });
    renderAt('/orders/o-1');
    expect(await screen.findByRole('heading', { name: 'Order ORD-1' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav).toHaveTextContent('Orders');
    expect(nav).not.toHaveTextContent('Users');
    expect(screen.queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
  });

  it('names who acted on the order in its timeline, their names isolated and control characters shown', async () => {
    signInAs(['orders.view']);
    mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/orders/o-1') return { body: order('fully_captured') };
      return undefined;
    });
    renderAt('/orders/o-1');
    const timeline = await screen.findByTestId('timeline');
    expect(timeline).toHaveTextContent('by the API token Shop backend');
    expect(timeline).toHaveTextContent('by Huda [U+202E]gnp.exe');
    expect(timeline).toHaveTextContent('by the system');
    expect(timeline.querySelectorAll('bdi').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses the Users page to a viewer who types its address', async () => {
    signInAs(['orders.view']);
    mockApi((url) => (url.pathname === '/portal/v1/legal-entities' ? { body: entities } : undefined));
    renderAt('/users');
    expect(await screen.findByRole('heading', { name: 'Your role does not allow this page.' })).toBeInTheDocument();
  });
});

describe('refund', () => {
  it('shows the API refusal in words and then the new status', async () => {
    signInAs(['orders.view', 'orders.refund']);
    let refunds = 0;
    const calls = mockApi((url, init) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/orders/o-1' && init.method === 'GET') return { body: order('fully_captured') };
      if (url.pathname === '/portal/v1/orders/o-1/refunds') {
        refunds += 1;
        return refunds === 1
          ? { status: 400, body: { message: 'too much', errors: [{ error_code: 'refund_amount_exceeds_captured' }] } }
          : { body: order('partially_refunded') };
      }
      return undefined;
    });
    renderAt('/orders/o-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Refund' }));
    const amount = screen.getByLabelText('Amount (SAR)');
    expect(amount).toHaveValue('100.00');
    await userEvent.clear(amount);
    await userEvent.type(amount, '25.50');
    await userEvent.type(screen.getByLabelText('Reason'), 'Damaged item');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Refund SAR/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The amount is more than what was captured and not yet refunded.');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Refund SAR/ }));
    expect(await screen.findByText('Done: the order is now Partially refunded.')).toBeInTheDocument();
    const posted = calls.filter((c) => c.init.method === 'POST');
    expect(JSON.parse(String(posted[1].init.body))).toEqual({ total_amount: { amount: 25.5, currency: 'SAR' }, comment: 'Damaged item' });
    // a retry of the same dialog carries the same Idempotency-Key
    expect((posted[0].init.headers as Record<string, string>)['Idempotency-Key']).toBe((posted[1].init.headers as Record<string, string>)['Idempotency-Key']);
  });

  it('refuses an amount with more decimals than the currency before calling the API', async () => {
    signInAs(['orders.view', 'orders.refund']);
    const calls = mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/orders/o-1') return { body: order('fully_captured') };
      return undefined;
    });
    renderAt('/orders/o-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Refund' }));
    const amount = screen.getByLabelText('Amount (SAR)');
    await userEvent.clear(amount);
    await userEvent.type(amount, '1.005');
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Refund/ }));
    expect(screen.getByText('Enter an amount above zero with at most 2 decimals.')).toBeInTheDocument();
    expect(calls.some((c) => c.init.method === 'POST')).toBe(false);
  });
});

describe('arabic', () => {
  it('lays the page out right to left with Arabic words', async () => {
    signInAs(['orders.view']);
    mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/orders') return { body: { orders: [], next_cursor: null } };
      return undefined;
    });
    renderAt('/orders');
    await userEvent.click(await screen.findByRole('button', { name: /Switch to Arabic/ }));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('الطلبات');
  });
});

function order(status: string) {
  const sar = (amount: number) => ({ amount, currency: 'SAR' });
  return {
    order_id: 'o-1', order_reference_id: 'ORD-1', status, legal_entity_id: 'le-1', country_code: 'SA', payment_type: 'PAY_BY_INSTALMENTS',
    consumer: { first_name: 'Sara', last_name: 'Ali' }, items: [{ reference_id: 'i1', name: 'Lamp', sku: 'L-1', quantity: 1, total_amount: sar(100) }],
    total_amount: sar(100), captured_amount: sar(100), refunded_amount: sar(status === 'partially_refunded' ? 25.5 : 0), canceled_amount: sar(0),
    transactions: { captures: [], refunds: [], cancels: [] }, created_at: '2026-12-01T10:00:00Z', updated_at: '2026-12-01T10:00:00Z',
    timeline: [
      { occurred_at: '2026-12-01T10:00:00Z', kind: 'created', to_status: 'new', actor: { type: 'api_token', id: 't-1', name: 'Shop backend' } },
      { occurred_at: '2026-12-01T11:00:00Z', kind: 'captured', to_status: 'fully_captured', amount: sar(100), actor: { type: 'user', id: 'u-1', name: 'Huda \u202Egnp.exe' } },
      { occurred_at: '2026-12-01T12:00:00Z', kind: 'expired', actor: { type: 'system', id: 'order-timers' } },
    ],
  };
}

describe('mailed links', () => {
  it('answers an expired activation link in words', async () => {
    mockApi((url) =>
      url.pathname === '/auth/v1/activation'
        ? { status: 410, body: { message: 'expired', errors: [{ error_code: 'activation_link_expired', data: { reason: 'expired' } }] } }
        : undefined,
    );
    renderAt('/activate?token=old');
    expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired — ask your admin for a new one.');
  });

  it('answers an expired reset link in Arabic', async () => {
    await i18n.changeLanguage('ar');
    mockApi((url) =>
      url.pathname === '/auth/v1/password-reset'
        ? { status: 410, body: { message: 'expired', errors: [{ error_code: 'reset_link_expired', data: { reason: 'expired' } }] } }
        : undefined,
    );
    renderAt('/reset-password?token=old');
    expect(await screen.findByRole('alert')).toHaveTextContent('انتهت صلاحية هذا الرابط — اطلب رابطًا جديدًا.');
  });

  it('sets the password of a working activation link and sends the user to sign in', async () => {
    const calls = mockApi((url, init) => {
      if (url.pathname === '/auth/v1/activation' && init.method === 'GET') return { body: { email: 'new@example.com', full_name: 'New User', expires_at: '2026-12-09T00:00:00Z' } };
      if (url.pathname === '/auth/v1/activation' && init.method === 'POST') return { body: { user_id: 'u', email: 'new@example.com', status: 'active' } };
      return undefined;
    });
    renderAt('/activate?token=fresh');
    await userEvent.type(await screen.findByLabelText('New password'), 'a-long-enough-password');
    await userEvent.type(screen.getByLabelText('Repeat the password'), 'a-long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'Activate' }));
    expect(await screen.findByText('Your account is active. Sign in with your new password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('new@example.com');
    const posted = calls.find((c) => c.init.method === 'POST');
    expect(JSON.parse(String(posted?.init.body))).toEqual({ token: 'fresh', password: 'a-long-enough-password' });
  });
});
