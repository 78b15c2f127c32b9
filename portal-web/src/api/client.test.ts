import { request, session, setSession } from './client';
import { saveSession } from '../auth/tokens';
import { fakeToken, mockApi } from '../test-utils';

describe('the API client', () => {
  beforeEach(() => setSession(null));

  it('refreshes an expiring access token once for parallel requests', async () => {
    const expiring = fakeToken({ sub: 'u', permissions: ['orders.view'], exp: Math.floor(Date.now() / 1000) + 5 });
    setSession(saveSession(expiring, 'refresh-1'));
    const fresh = fakeToken({ sub: 'u', permissions: ['orders.view'] });
    const calls = mockApi((url) => {
      if (url.pathname === '/auth/v1/refresh') return { body: { access_token: fresh, refresh_token: 'refresh-2' } };
      if (url.pathname === '/portal/v1/orders') return { body: { orders: [] } };
      return undefined;
    });
    await Promise.all([request('/portal/v1/orders'), request('/portal/v1/orders'), request('/portal/v1/orders')]);
    expect(calls.filter((c) => c.url.pathname === '/auth/v1/refresh')).toHaveLength(1);
    const used = calls.filter((c) => c.url.pathname === '/portal/v1/orders').map((c) => (c.init.headers as Record<string, string>).Authorization);
    expect(used).toEqual([`Bearer ${fresh}`, `Bearer ${fresh}`, `Bearer ${fresh}`]);
    expect(session()?.refreshToken).toBe('refresh-2');
  });

  it('ends the session when the refresh token is refused', async () => {
    setSession(saveSession(fakeToken({ sub: 'u', permissions: [] }), 'stale'));
    mockApi((url) => {
      if (url.pathname === '/auth/v1/refresh') return { status: 401, body: { errors: [{ error_code: 'invalid_refresh_token' }] } };
      if (url.pathname === '/portal/v1/orders') return { status: 401, body: { errors: [{ error_code: 'invalid_token' }] } };
      return undefined;
    });
    await expect(request('/portal/v1/orders')).rejects.toMatchObject({ status: 401 });
    expect(session()).toBeNull();
  });

  it('turns a problem into its error code and data', async () => {
    setSession(saveSession(fakeToken({ sub: 'u', permissions: [] }), 'r'));
    mockApi(() => ({ status: 409, body: { message: 'no', errors: [{ error_code: 'invalid_order_status', data: { old_status: 'canceled' } }] } }));
    await expect(request('/portal/v1/orders/x/captures', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 409,
      code: 'invalid_order_status',
      data: { old_status: 'canceled' },
    });
  });
});
