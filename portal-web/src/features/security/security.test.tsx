import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../i18n';
import { session, setSession } from '../../api/client';
import { fakeToken, mockApi, renderAt, signInAs } from '../../test-utils';

const CHALLENGE = { next_step: 'second_factor', challenge_token: 'challenge-1', expires_at: '2026-12-01T10:05:00Z' };
const ENROLMENT = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/Partners%20Portal:a%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', qr_code: 'data:image/svg+xml;base64,PHN2Zy8+', expires_at: '2026-12-01T10:15:00Z' };
const CODES = ['7kq2-m9xd-p4tr-hw3c', 'a1b2-c3d4-e5f6-g7h8', '0000-1111-2222-3333'];
const STATUS_OFF = { enabled: false, enabled_at: null, recovery_codes_remaining: 0, required_by_team: false };
const entities = { legal_entities: [{ id: 'le-1', legal_name_en: 'Demo KSA', legal_name_ar: 'ديمو', country_code: 'SA', currency: 'SAR', time_zone: 'Asia/Riyadh' }] };

function tokens(extra: Record<string, unknown> = {}) {
  return { access_token: fakeToken({ sub: 'u-1', merchant_id: 'm-1', permissions: [], role: 'viewer', email: 'a@example.com', name: 'Noura', locale: 'en' }), refresh_token: 'r', token_type: 'Bearer', expires_in: 900, ...extra };
}

beforeEach(async () => {
  setSession(null);
  await i18n.changeLanguage('en');
});

async function typePassword() {
  await userEvent.type(screen.getByLabelText('Email'), 'a@example.com');
  await userEvent.type(screen.getByLabelText('Password'), 'a-long-enough-password');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('signing in with two-step verification', () => {
  it('asks for the code after the password and starts the session only after it', async () => {
    const calls = mockApi((url) => {
      if (url.pathname === '/auth/v1/sign-in') return { body: CHALLENGE };
      if (url.pathname === '/auth/v1/sign-in/second-factor') return { body: tokens() };
      if (url.pathname === '/portal/v1/me/second-factor') return { body: { ...STATUS_OFF, enabled: true, enabled_at: '2026-11-01T10:00:00Z', recovery_codes_remaining: 10 } };
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      return undefined;
    });
    renderAt('/sign-in?next=/security');
    await typePassword();

    expect(await screen.findByRole('heading', { name: 'Enter your code' })).toBeInTheDocument();
    expect(session()).toBeNull();
    const verify = screen.getByRole('button', { name: 'Verify' });
    expect(verify).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Code from your authenticator app'), '123 456');
    await userEvent.click(verify);

    expect(await screen.findByRole('heading', { name: 'Security' })).toBeInTheDocument();
    expect(session()).not.toBeNull();
    const second = calls.find((c) => c.url.pathname === '/auth/v1/sign-in/second-factor');
    expect(JSON.parse(String(second?.init.body))).toEqual({ challenge_token: 'challenge-1', code: '123456' });
  });

  it('says in words that a code was wrong or used already', async () => {
    let tries = 0;
    mockApi((url) => {
      if (url.pathname === '/auth/v1/sign-in') return { body: CHALLENGE };
      if (url.pathname === '/auth/v1/sign-in/second-factor') {
        tries += 1;
        return { status: 401, body: { message: 'no', errors: [{ error_code: tries === 1 ? 'second_factor_code_invalid' : 'second_factor_code_used' }] } };
      }
      return undefined;
    });
    renderAt('/sign-in');
    await typePassword();
    await userEvent.type(await screen.findByLabelText('Code from your authenticator app'), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right.');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code was used already.');
    expect(session()).toBeNull();
  });

  it('takes a recovery code instead and says how many are left before going on', async () => {
    const calls = mockApi((url) => {
      if (url.pathname === '/auth/v1/sign-in') return { body: CHALLENGE };
      if (url.pathname === '/auth/v1/sign-in/second-factor') return { body: tokens({ recovery_codes_remaining: 2 }) };
      if (url.pathname === '/portal/v1/me/second-factor') return { body: STATUS_OFF };
      return undefined;
    });
    renderAt('/sign-in?next=/security');
    await typePassword();
    await userEvent.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await userEvent.type(screen.getByLabelText('Recovery code'), '7KQ2-M9XD-P4TR-HW3C');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByText(/Recovery codes left: 2/)).toBeInTheDocument();
    expect(session()).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Continue to the portal' }));
    expect(await screen.findByRole('heading', { name: 'Security' })).toBeInTheDocument();
    const second = calls.find((c) => c.url.pathname === '/auth/v1/sign-in/second-factor');
    expect(JSON.parse(String(second?.init.body))).toEqual({ challenge_token: 'challenge-1', recovery_code: '7KQ2-M9XD-P4TR-HW3C' });
  });

  it('makes a member of a team that requires it enrol, shows the recovery codes once, then signs in', async () => {
    const calls = mockApi((url) => {
      if (url.pathname === '/auth/v1/sign-in') return { body: { ...CHALLENGE, next_step: 'enrolment' } };
      if (url.pathname === '/auth/v1/sign-in/enrolment') return { body: ENROLMENT };
      if (url.pathname === '/auth/v1/sign-in/enrolment/confirmation') return { body: tokens({ recovery_codes: CODES }) };
      if (url.pathname === '/portal/v1/me/second-factor') return { body: { ...STATUS_OFF, enabled: true, required_by_team: true } };
      return undefined;
    });
    renderAt('/sign-in?next=/security');
    await typePassword();

    expect(await screen.findByRole('heading', { name: 'Set up two-step verification' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code that adds Partners Portal to an authenticator app' })).toHaveAttribute('src', ENROLMENT.qr_code);
    expect(screen.getByTestId('manual-key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    await userEvent.type(screen.getByLabelText('Code from your authenticator app'), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    const list = await screen.findByRole('list', { name: 'Save your recovery codes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(CODES);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();
    const go = screen.getByRole('button', { name: 'Continue to the portal' });
    expect(go).toBeDisabled();
    expect(session()).toBeNull();
    await userEvent.click(screen.getByLabelText('I have saved my recovery codes'));
    await userEvent.click(go);
    expect(await screen.findByRole('heading', { name: 'Security' })).toBeInTheDocument();
    expect(screen.getByText('Your team requires two-step verification.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Turn off two-step verification' })).not.toBeInTheDocument();
    const confirmation = calls.find((c) => c.url.pathname === '/auth/v1/sign-in/enrolment/confirmation');
    expect(JSON.parse(String(confirmation?.init.body))).toEqual({ challenge_token: 'challenge-1', code: '654321' });
  });

  it('asks for the code in Arabic', async () => {
    await i18n.changeLanguage('ar');
    mockApi((url) => (url.pathname === '/auth/v1/sign-in' ? { body: CHALLENGE } : undefined));
    renderAt('/sign-in');
    await userEvent.type(screen.getByLabelText('البريد الإلكتروني'), 'a@example.com');
    await userEvent.type(screen.getByLabelText('كلمة المرور'), 'a-long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'تسجيل الدخول' }));
    expect(await screen.findByRole('heading', { name: 'أدخل الرمز' })).toBeInTheDocument();
    expect(screen.getByLabelText('الرمز من تطبيق المصادقة')).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('the security page', () => {
  it('turns two-step verification on: password, QR code and key, a first code, then the recovery codes once', async () => {
    signInAs(['orders.view']);
    let enabled = false;
    const calls = mockApi((url, init) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/me/second-factor') return { body: enabled ? { ...STATUS_OFF, enabled: true, enabled_at: '2026-12-01T10:00:00Z', recovery_codes_remaining: 10 } : STATUS_OFF };
      if (url.pathname === '/portal/v1/me/second-factor/enrolment' && init.method === 'POST') return { body: ENROLMENT };
      if (url.pathname === '/portal/v1/me/second-factor/enrolment/confirmation') {
        enabled = true;
        return { body: { recovery_codes: CODES } };
      }
      return undefined;
    });
    renderAt('/security');
    expect(await screen.findByText('Off')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));
    await userEvent.type(screen.getByLabelText('Password'), 'my-password-123');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('img', { name: 'QR code that adds Partners Portal to an authenticator app' })).toBeInTheDocument();
    expect(screen.getByTestId('manual-key')).toHaveTextContent('JBSW Y3DP');
    await userEvent.type(screen.getByLabelText('Code from your authenticator app'), '112233');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(CODES[0])).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('I have saved my recovery codes'));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(await screen.findByText('Two-step verification is on.')).toBeInTheDocument();
    expect(await screen.findByText('Recovery codes left: 10')).toBeInTheDocument();
    expect(screen.queryByText(CODES[0])).not.toBeInTheDocument();
    const start = calls.find((c) => c.url.pathname === '/portal/v1/me/second-factor/enrolment');
    expect(JSON.parse(String(start?.init.body))).toEqual({ password: 'my-password-123' });
  });

  it('turns it off only with the password and a code, and says why a wrong password is refused', async () => {
    signInAs(['orders.view']);
    let tries = 0;
    const calls = mockApi((url) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/me/second-factor') return { body: tries < 2 ? { ...STATUS_OFF, enabled: true, enabled_at: '2026-11-01T10:00:00Z', recovery_codes_remaining: 8 } : STATUS_OFF };
      if (url.pathname === '/portal/v1/me/second-factor/disable') {
        tries += 1;
        return tries === 1 ? { status: 403, body: { message: 'no', errors: [{ error_code: 'password_incorrect' }] } } : { status: 204 };
      }
      return undefined;
    });
    renderAt('/security');
    await userEvent.click(await screen.findByRole('button', { name: 'Turn off two-step verification' }));
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    const submit = within(screen.getByRole('heading', { name: 'Turn off two-step verification', level: 3 }).closest('form') as HTMLElement)
      .getByRole('button', { name: 'Turn off two-step verification' });
    expect(submit).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Code from your authenticator app'), '445566');
    await userEvent.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('That is not your password.');
    await userEvent.click(submit);
    expect(await screen.findByText('Two-step verification is off.')).toBeInTheDocument();
    const posted = calls.filter((c) => c.url.pathname === '/portal/v1/me/second-factor/disable');
    expect(JSON.parse(String(posted[0].init.body))).toEqual({ password: 'wrong-password', code: '445566' });
  });
});

describe('the team setting', () => {
  const users = { users: [
    { id: 'u-1', email: 'test@example.com', full_name: 'Test User', locale: 'en', role: { id: 'admin', name: 'Admin' }, legal_entity_ids: [], status: 'active', second_factor_enabled: true, created_at: '2026-11-01T10:00:00Z' },
    { id: 'u-2', email: 'lost@example.com', full_name: 'Lost Phone', locale: 'ar', role: { id: 'finance', name: 'Finance' }, legal_entity_ids: [], status: 'active', second_factor_enabled: true, created_at: '2026-11-01T10:00:00Z' },
    { id: 'u-3', email: 'none@example.com', full_name: 'No Phone', locale: 'en', role: { id: 'viewer', name: 'Viewer' }, legal_entity_ids: [], status: 'active', second_factor_enabled: false, created_at: '2026-11-01T10:00:00Z' },
  ], next_cursor: null };

  it('lets an admin require two-step verification and reset a member who lost their phone', async () => {
    signInAs(['users.manage']);
    window.confirm = () => true;
    const calls = mockApi((url, init) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/roles') return { body: { roles: [] } };
      if (url.pathname === '/portal/v1/users') return { body: users };
      if (url.pathname === '/portal/v1/security-settings') return { body: { second_factor_required: init.method === 'PUT' } };
      if (url.pathname === '/portal/v1/users/u-2/second-factor/reset') return { status: 204 };
      return undefined;
    });
    renderAt('/users');
    const requirement = await screen.findByLabelText('Require two-step verification for everyone in the team');
    expect(requirement).not.toBeChecked();
    await userEvent.click(requirement);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(requirement).toBeChecked();
    const put = calls.find((c) => c.url.pathname === '/portal/v1/security-settings' && c.init.method === 'PUT');
    expect(JSON.parse(String(put?.init.body))).toEqual({ second_factor_required: true });

    expect(screen.queryByRole('button', { name: 'Reset two-step: test@example.com' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reset two-step: none@example.com' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reset two-step: lost@example.com' }));
    expect(await screen.findByText('Two-step verification removed for lost@example.com.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname === '/portal/v1/users/u-2/second-factor/reset' && c.init.method === 'POST')).toBe(true);
  });

  it('tells an admin without two-step verification to turn it on first', async () => {
    signInAs(['users.manage']);
    mockApi((url, init) => {
      if (url.pathname === '/portal/v1/legal-entities') return { body: entities };
      if (url.pathname === '/portal/v1/roles') return { body: { roles: [] } };
      if (url.pathname === '/portal/v1/users') return { body: users };
      if (url.pathname === '/portal/v1/security-settings') {
        return init.method === 'PUT' ? { status: 409, body: { message: 'no', errors: [{ error_code: 'second_factor_not_enrolled' }] } } : { body: { second_factor_required: false } };
      }
      return undefined;
    });
    renderAt('/users');
    await userEvent.click(await screen.findByLabelText('Require two-step verification for everyone in the team'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('turn it on for your own account first'));
    expect(screen.getByLabelText('Require two-step verification for everyone in the team')).not.toBeChecked();
  });
});
