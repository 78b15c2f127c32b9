import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { setSession } from '../../api/client';
import { mockApi, renderAt } from '../../test-utils';
import { safeRedirect, shopNavigation } from './SandboxCheckoutPage';

const page = {
  merchant_name: 'Demo Trading KSA',
  order: {
    order_id: 'o-1', order_reference_id: 'REF-1', status: 'new', payment_type: 'PAY_BY_INSTALMENTS', instalments: 3,
    items: [{ reference_id: 'i-1', name: 'Desk lamp', quantity: 2, total_amount: { amount: '300.00', currency: 'SAR' } }],
    total_amount: { amount: '300.00', currency: 'SAR' }, tax_amount: { amount: '0.00', currency: 'SAR' },
  },
};

function setEnvironment(value: string) {
  let meta = document.querySelector('meta[name="portal-environment"]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.setAttribute('name', 'portal-environment');
    document.head.appendChild(meta);
  }
  meta.setAttribute('content', value);
}

beforeEach(async () => {
  setSession(null);
  setEnvironment('sandbox');
  await i18n.changeLanguage('en');
});

describe('sandbox checkout', () => {
  it('shows the order to the customer and returns to the shop after approving', async () => {
    const went: string[] = [];
    vi.spyOn(shopNavigation, 'go').mockImplementation((url) => void went.push(url));
    const calls = mockApi((url, init) => {
      if (url.pathname === '/sandbox/checkout/o-1' && init.method === 'GET') return { body: page };
      if (url.pathname === '/sandbox/checkout/o-1/answer') {
        return { body: { order_id: 'o-1', status: 'approved', redirect_url: 'https://shop.example/ok?orderId=o-1&paymentStatus=approved' } };
      }
      return undefined;
    });
    renderAt('/checkout/o-1?token=tok');

    expect(await screen.findByText('Desk lamp')).toBeInTheDocument();
    expect(screen.getByText('Demo Trading KSA')).toBeInTheDocument();
    expect(screen.getByText('Pay in 3 instalments')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Approve and pay' }));

    expect(await screen.findByText(/The order is approved/)).toBeInTheDocument();
    const answer = calls.find((c) => c.init.method === 'POST');
    expect(answer?.url.searchParams.get('token')).toBe('tok');
    expect(JSON.parse(String(answer?.init.body))).toEqual({ decision: 'approved' });
    expect(went).toEqual(['https://shop.example/ok?orderId=o-1&paymentStatus=approved']);
  });

  it('sends the decline reason and never follows an address that is not a web page', async () => {
    const went: string[] = [];
    vi.spyOn(shopNavigation, 'go').mockImplementation((url) => void went.push(url));
    const calls = mockApi((url, init) => {
      if (url.pathname === '/sandbox/checkout/o-1' && init.method === 'GET') return { body: page };
      if (url.pathname === '/sandbox/checkout/o-1/answer') return { body: { order_id: 'o-1', status: 'declined', redirect_url: 'javascript:alert(1)' } };
      return undefined;
    });
    renderAt('/checkout/o-1?token=tok');

    await userEvent.type(await screen.findByLabelText('Reason for declining (optional)'), 'Too expensive');
    await userEvent.click(screen.getByRole('button', { name: 'Decline' }));

    expect(await screen.findByText(/The order is declined/)).toBeInTheDocument();
    expect(screen.getByText(/The shop gave no page to return to/)).toBeInTheDocument();
    expect(JSON.parse(String(calls.find((c) => c.init.method === 'POST')?.init.body))).toEqual({ decision: 'declined', declined_reason: 'Too expensive' });
    expect(went).toEqual([]);
    expect(safeRedirect('javascript:alert(1)')).toBeNull();
  });

  it('says in words that a link is not valid, in Arabic too', async () => {
    await i18n.changeLanguage('ar');
    mockApi(() => ({ status: 404, body: { message: 'No checkout', errors: [{ error_code: 'checkout_not_found' }] } }));
    renderAt('/checkout/o-1?token=wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('رابط الدفع هذا غير صالح');
  });

  it('is no page at all in production', async () => {
    setEnvironment('production');
    const calls = mockApi(() => ({ body: page }));
    renderAt('/checkout/o-1?token=tok');
    expect(await screen.findByText(/belongs to the sandbox only/)).toBeInTheDocument();
    expect(screen.queryByText('Desk lamp')).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
