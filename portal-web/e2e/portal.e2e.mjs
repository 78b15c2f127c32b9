// The portal in headless Chromium against the local run (./portal start; ./portal e2e). Each test is one of the
// tasks of the product guide, done as a person would; it photographs the pages the README shows (docs/screenshots/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { accessibilityProblems, api, authorisedOrder, checkout, closeBrowser, credentials, GATEWAY, launch, mailCount, mailedLink, screenshot, signedIn, signIn, timeStep, tokenFor, totp, until } from './support.mjs';

const creds = credentials();
let browser;
let page;
let adminToken;

before(async () => {
  adminToken = await tokenFor('admin');
  browser = await launch();
  page = browser.page;
  await page.goto(`${GATEWAY}/portal/sign-in`);
  await page.getByRole('heading', { name: 'Sign in to Partners Portal' }).waitFor();
  await page.getByRole('button', { name: /Switch to Arabic/ }).click();
  await page.getByRole('heading', { name: 'تسجيل الدخول إلى بوابة الشركاء' }).waitFor();
  await page.getByRole('button', { name: /التبديل إلى الإنجليزية/ }).click();
  await signIn(page, creds.admin.email, creds.admin.password);
});

after(async () => {
  await browser?.close();
  await closeBrowser();
});

/** A new fully captured SAR order (230.00) of the demo merchant, captured through the merchant API. */
async function capturedOrder() {
  const reference = `E2E-REFUND-${Date.now()}`;
  const orderId = await authorisedOrder(reference);
  const captured = await api('POST', '/payments/capture', {
    token: creds.api_token.token,
    body: { order_id: orderId, total_amount: { amount: 230, currency: 'SAR' }, shipping_info: { shipped_at: new Date().toISOString(), shipping_company: 'SMSA' } },
  });
  assert.equal(captured.status, 200, captured.text);
  return { order_id: orderId, order_reference_id: reference, total_amount: { amount: 230, currency: 'SAR' } };
}

test('sign in, find an order by reference, refund part of it, see the new status and timeline', async () => {
  await page.goto(`${GATEWAY}/portal/orders`);
  await page.getByRole('table').waitFor();
  await screenshot(page, 'orders');
  const order = await capturedOrder();

  await page.getByLabel('Order reference or Tamara order ID').fill(order.order_reference_id);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: order.order_reference_id }).click();
  await page.getByRole('heading', { name: `Order ${order.order_reference_id}` }).waitFor();

  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const total = Number(order.total_amount.amount);
  const part = '80.50';
  await dialog.getByLabel(/^Amount/).fill(String(total + 1000));
  await dialog.getByLabel('Reason').fill('Customer returned one item');
  await dialog.getByRole('button', { name: /^Refund/ }).click();
  await dialog.getByRole('alert').waitFor();
  assert.match(await dialog.getByRole('alert').innerText(), /more than what was captured/);

  await dialog.getByLabel(/^Amount/).fill(part);
  await dialog.getByRole('button', { name: /^Refund/ }).click();
  await page.getByText('Done: the order is now Partially refunded.').waitFor();
  assert.match(await page.getByTestId('order-status').innerText(), /Partially refunded/);
  assert.match(await page.getByTestId('timeline').innerText(), /Refunded/);
  await screenshot(page, 'order-refunded');
});

test('a customer approves one sandbox checkout and declines another, and returns to the shop each time', async () => {
  const visits = [];
  const shop = createServer((req, res) => {
    visits.push(req.url);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html lang="en"><title>Shop</title><h1>Back at the shop</h1></html>');
  });
  await new Promise((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const customer = await launch();
  try {
    const base = `http://127.0.0.1:${shop.address().port}`;
    const urls = { success: `${base}/success`, failure: `${base}/failure`, cancel: `${base}/cancel`, notification: `${base}/hook` };
    const stamp = Date.now();
    const approved = await checkout(`E2E-SANDBOX-OK-${stamp}`, urls);
    const declined = await checkout(`E2E-SANDBOX-NO-${stamp}`, urls);
    assert.match(approved.checkoutUrl, /\/portal\/checkout\/[0-9a-f-]+\?token=/);
    const p = customer.page;
    const problems = [];

    await p.goto(approved.checkoutUrl);
    await p.getByRole('heading', { name: 'Sandbox checkout' }).waitFor();
    await p.getByRole('cell', { name: 'Desk lamp' }).waitFor();
    assert.match(await p.getByRole('table').innerText(), /230\.00/);
    problems.push(...(await accessibilityProblems(p)).map((x) => `en ${x}`));
    await screenshot(p, 'sandbox-checkout');
    await p.getByRole('button', { name: 'Approve and pay' }).click();
    await p.waitForURL(/\/success\?/);
    const success = new URL(p.url());
    assert.equal(success.searchParams.get('orderId'), approved.orderId);
    assert.equal(success.searchParams.get('paymentStatus'), 'approved');
    assert.equal((await api('GET', `/portal/v1/orders/${approved.orderId}`, { token: adminToken })).json.status, 'approved');

    await p.goto(declined.checkoutUrl);
    await p.getByRole('button', { name: /Switch to Arabic/ }).click();
    await p.getByRole('heading', { name: 'صفحة الدفع التجريبية' }).waitFor();
    problems.push(...(await accessibilityProblems(p)).map((x) => `ar ${x}`));
    await p.getByLabel('سبب الرفض (اختياري)').fill('Changed my mind');
    await p.getByRole('button', { name: 'رفض', exact: true }).click();
    await p.waitForURL(/\/failure\?/);
    assert.equal(new URL(p.url()).searchParams.get('paymentStatus'), 'declined');
    const order = (await api('GET', `/portal/v1/orders/${declined.orderId}`, { token: adminToken })).json;
    assert.equal(order.status, 'declined');
    assert.ok(order.timeline.some((entry) => entry.kind === 'declined' && entry.detail === 'Changed my mind'), JSON.stringify(order.timeline));

    // The link is the credential: without its token there is no order to see.
    await p.goto(approved.checkoutUrl.replace(/token=.*/, 'token=forged'));
    await p.getByRole('alert').waitFor();
    await p.evaluate(() => localStorage.setItem('portal.language', 'en'));
    assert.deepEqual(problems, []);
    assert.deepEqual(customer.errors, []);
    assert.deepEqual(visits.map((v) => v.split('?')[0]).filter((v) => v !== '/favicon.ico'), ['/success', '/failure']);
  } finally {
    await customer.close();
    shop.close();
  }
});

test('the home page shows the business at a glance, and its figures open the orders behind them', async () => {
  await authorisedOrder(`E2E-HOME-${Date.now()}`);
  await page.goto(`${GATEWAY}/portal/`);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  const today = page.getByRole('region', { name: /Today/ });
  await today.getByRole('row', { name: /SAR/ }).waitFor();
  await page.getByRole('table', { name: /The last 12 weeks in/ }).waitFor();
  assert.equal(await page.getByRole('table', { name: /The last 12 weeks in/ }).getByRole('row').count(), 13);
  await page.getByRole('region', { name: 'Payouts' }).waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'home');
  const awaiting = page.getByRole('link', { name: /waiting for capture/ });
  const count = Number((await awaiting.locator('.tile-value').innerText()).replace(/\D/g, ''));
  assert.ok(count >= 1, 'the authorised order waits for its capture');
  await awaiting.click();
  await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
  assert.match(page.url(), /status=authorised%2Cupdated|status=authorised,updated/);
  await page.getByRole('table').waitFor();
  assert.ok((await page.getByRole('table').getByRole('row').count()) > 1);

  await page.goto(`${GATEWAY}/portal/`);
  await page.getByRole('region', { name: /Today/ }).getByRole('row', { name: /SAR/ }).getByRole('link').nth(1).click();
  await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
  assert.match(page.url(), /created_from=/);
  assert.match(page.url(), /currency=SAR/);
});

test('capture an authorised order, and cancel another', async () => {
  const stamp = Date.now();
  const toCapture = { order_id: await authorisedOrder(`E2E-CAPTURE-${stamp}`) };
  const toCancel = { order_id: await authorisedOrder(`E2E-CANCEL-${stamp}`) };

  await page.goto(`${GATEWAY}/portal/orders/${toCapture.order_id}`);
  await page.getByRole('button', { name: 'Capture', exact: true }).click();
  const capture = page.getByRole('dialog');
  await capture.getByLabel('Shipping company').fill('SMSA Express');
  await capture.getByLabel('Tracking number').fill('SMSA-123456');
  await capture.getByRole('button', { name: /^Capture/ }).click();
  await page.getByText('Done: the order is now Fully captured.').waitFor();
  assert.match(await page.getByTestId('timeline').innerText(), /Captured/);

  await page.goto(`${GATEWAY}/portal/orders/${toCancel.order_id}`);
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Cancel order/ }).click();
  await page.getByText('Done: the order is now Canceled.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Refund', exact: true }).count(), 0);
});

test('export orders for a date range, follow its progress, and open the mailed link', async () => {
  const before = await mailCount(creds.admin.email);
  await page.goto(`${GATEWAY}/portal/exports`);
  await page.getByRole('button', { name: 'Start export' }).click();
  // The export worker shares the service's scheduler: right after a start it can take a minute to begin.
  await page.getByText(/Your export is ready/).waitFor({ timeout: 150_000 });
  const link = await mailedLink(creds.admin.email, `${GATEWAY}/downloads/order-exports/`, { after: before });
  const download = page.waitForEvent('download');
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    document.body.appendChild(a);
    a.click();
  }, link);
  const file = await download;
  const csv = readFileSync(await file.path(), 'utf8');
  assert.match(csv, /order_id|order_reference/i);
});

test('add a user and activate them from the mailbox; as a Viewer they see no Refund button and no Users page; reset the password', async () => {
  const email = `viewer-${Date.now()}@demo-merchant.test`;
  await page.goto(`${GATEWAY}/portal/users`);
  await page.getByRole('button', { name: 'Add new user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill('Nora Viewer');
  await dialog.getByLabel('Email', { exact: true }).fill(email);
  await dialog.getByLabel('Role').selectOption('viewer');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByText(`Invitation sent to ${email}`).waitFor();
  await page.getByRole('cell', { name: new RegExp(`^Nora Viewer`) }).first().waitFor();

  const link = await mailedLink(email, `${GATEWAY}/activate?token=`);
  const invited = await launch();
  try {
    await invited.page.goto(link);
    await invited.page.getByRole('heading', { name: 'Activate your account' }).waitFor();
    assert.match(invited.page.url(), /\/portal\/activate\?token=/);
    const password = `Viewer-${Date.now()}-long-password`;
    await invited.page.getByLabel('New password', { exact: true }).fill(password);
    await invited.page.getByLabel('Repeat the password').fill(password);
    await invited.page.getByRole('button', { name: 'Activate' }).click();
    await invited.page.getByText('Your account is active').waitFor();
    await invited.page.getByLabel('Password', { exact: true }).fill(password);
    await invited.page.getByRole('button', { name: 'Sign in' }).click();
    const nav = invited.page.getByRole('navigation', { name: 'Main navigation' });
    await nav.waitFor();
    assert.doesNotMatch(await nav.innerText(), /Users/);
    const order = (await api('GET', '/portal/v1/orders?status=fully_captured,partially_refunded&limit=1', { token: adminToken })).json.orders[0];
    await invited.page.goto(`${GATEWAY}/portal/orders/${order.order_id}`);
    await invited.page.getByTestId('order-status').waitFor();
    assert.equal(await invited.page.getByRole('button', { name: 'Refund', exact: true }).count(), 0);
    await invited.page.goto(`${GATEWAY}/portal/users`);
    await invited.page.getByRole('heading', { name: 'Your role does not allow this page.' }).waitFor();

    // The used link now answers in words.
    await invited.page.goto(link);
    await invited.page.getByText('This link was used already').waitFor();

    // Forgot the password: the reset link from the mailbox sets a new one.
    await invited.page.goto(`${GATEWAY}/portal/orders`);
    await invited.page.getByRole('button', { name: 'Sign out' }).click();
    await invited.page.getByRole('link', { name: 'Forgot your password?' }).click();
    await invited.page.getByLabel('Email').fill(email);
    await invited.page.getByRole('button', { name: 'Send link' }).click();
    await invited.page.getByText(/a link is on its way/).waitFor();
    const resetLink = await mailedLink(email, `${GATEWAY}/reset-password?token=`);
    await invited.page.goto(resetLink);
    await invited.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const newPassword = `Reset-${Date.now()}-long-password`;
    await invited.page.getByLabel('New password', { exact: true }).fill(newPassword);
    await invited.page.getByLabel('Repeat the password').fill(newPassword);
    await invited.page.getByRole('button', { name: 'Set password' }).click();
    await invited.page.getByText('Your password is changed').waitFor();
    await invited.page.getByLabel('Password', { exact: true }).fill(newPassword);
    await invited.page.getByRole('button', { name: 'Sign in' }).click();
    await signedIn(invited.page);
  } finally {
    await invited.close();
  }
});

test('an expired or replaced activation link is answered in words', async () => {
  const email = `replaced-${Date.now()}@demo-merchant.test`;
  const created = await api('POST', '/portal/v1/users', { token: adminToken, body: { email, full_name: 'Omar Replaced', locale: 'en', role: 'viewer' } });
  assert.equal(created.status, 201, created.text);
  const first = await mailedLink(email, `${GATEWAY}/activate?token=`);
  await page.goto(`${GATEWAY}/portal/users`);
  await page.getByRole('button', { name: `Re-send activation: ${email}` }).click();
  await page.getByText('A new activation email is on its way').waitFor();
  await until('a second activation mail', async () => (await mailCount(email)) >= 2);
  const other = await launch();
  try {
    await other.page.goto(first);
    await other.page.getByRole('alert').waitFor();
    assert.match(await other.page.getByRole('alert').innerText(), /newer link|expired/);
  } finally {
    await other.close();
  }

  // Change the user's role, then disable them.
  await page.getByRole('button', { name: `Change role: ${email}` }).click();
  await page.getByRole('dialog').getByLabel('Role').selectOption('finance');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByText('Role changed.').waitFor();
  await page.getByRole('button', { name: `Disable: ${email}` }).click();
  await page.getByText('User disabled.').waitFor();
  await page.getByRole('button', { name: `Enable: ${email}` }).waitFor();
});

test('download a settlement report and an invoice', async () => {
  // The sandbox closes the open week and month on request (each close moves the entity's open period on, so only
  // when there is nothing to download yet).
  const operator = await tokenFor('operator');
  const ksa = creds.legal_entities.find((e) => e.country_code === 'SA');
  if (!(await api('GET', '/portal/v1/settlements/reports?limit=1', { token: adminToken })).json?.reports?.length) {
    await api('POST', `/operator/v1/settlement/legal-entities/${ksa.id}/close-period`, { token: operator, body: {} });
  }
  if (!(await api('GET', '/portal/v1/invoices?limit=1', { token: adminToken })).json?.invoices?.length) {
    await api('POST', `/operator/v1/settlement/legal-entities/${ksa.id}/close-month`, { token: operator, body: {} });
  }
  await until('a settlement report', async () => (await api('GET', '/portal/v1/settlements/reports?limit=1', { token: adminToken })).json?.reports?.length);

  await page.goto(`${GATEWAY}/portal/settlements`);
  const csvButton = page.getByRole('button', { name: /^Download report/ }).first();
  await csvButton.waitFor();
  const report = page.waitForEvent('download');
  await csvButton.click();
  const reportFile = readFileSync(await (await report).path(), 'utf8');
  assert.match(reportFile, /settlement_reference/);
  await page.locator('table a').first().click();
  await page.getByRole('heading', { name: 'Orders in this report' }).waitFor();
  await page.getByRole('table').locator('tbody tr').first().waitFor();

  await page.goto(`${GATEWAY}/portal/settlements/info`);
  await page.getByText('Upcoming payment').first().waitFor();

  // Files exist once ZATCA (the simulator) has cleared the document, a few seconds after the month closed.
  const shareable = ['cleared', 'cleared_with_warnings', 'reported', 'phase_1'];
  const invoices = await until('a cleared invoice', async () => (await api('GET', '/portal/v1/invoices?limit=1', { token: adminToken }))
    .json?.invoices?.some((i) => shareable.includes(i.clearance_status)));
  assert.ok(invoices);
  await page.goto(`${GATEWAY}/portal/invoices`);
  const pdfButton = page.getByRole('button', { name: /^PDF / }).first();
  await pdfButton.waitFor();
  const invoice = page.waitForEvent('download');
  await pdfButton.click();
  const pdf = readFileSync(await (await invoice).path());
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF');

  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export invoices (zip)' }).click();
  const archive = readFileSync(await (await zip).path());
  assert.equal(archive.subarray(0, 2).toString(), 'PK');
});

test('register a webhook and see a delivery in its log', async (t) => {
  const available = await api('GET', '/portal/v1/webhooks', { token: adminToken });
  if (available.status !== 200) {
    t.skip(`the webhooks API is not there yet (${available.status})`);
    return;
  }
  const received = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${receiver.address().port}/tamara-webhooks`;
    await page.goto(`${GATEWAY}/portal/webhooks`);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('URL').fill(url);
    await dialog.getByLabel('Description').fill('E2E receiver');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'E2E receiver' }).waitFor();
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await until('the secret', async () => !(await page.getByTestId('webhook-secret').innerText()).includes('•'), 10_000);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByRole('cell', { name: /Order approved/ }).first().waitFor({ timeout: 60_000 });
    await until('a delivered message', async () => (await page.getByText('Delivered').count()) > 0, 60_000);
    await page.getByRole('button', { name: 'Attempts' }).first().click();
    await page.getByText(/Attempt 1/).waitFor();
    assert.ok(received.length > 0);

    await page.getByRole('button', { name: 'Resend' }).first().click();
    await page.getByText('The delivery is queued again.').waitFor();
    await page.getByRole('button', { name: 'Recover failed deliveries' }).click();
    await page.getByText('Failed deliveries are queued again.').waitFor();

    const shown = await page.getByTestId('webhook-secret').innerText();
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByText('The secret is rotated.').waitFor();
    assert.notEqual(await page.getByTestId('webhook-secret').innerText(), shown);

    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Order declined').uncheck();
    await edit.getByLabel('Order expired').uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Webhook saved.').waitFor();
    await until('the saved events', async () => !/Order declined/.test(await page.locator('.facts').first().innerText()), 10_000);
  } finally {
    receiver.close();
  }
});

test('API tokens, audit log and roles pages', async () => {
  await page.goto(`${GATEWAY}/portal/api-tokens`);
  await page.getByRole('table').waitFor();
  const tokenName = `E2E shop ${Date.now()}`;
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(tokenName);
  await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
  assert.match(await page.getByTestId('new-api-token').innerText(), /^ppk_sandbox_/);
  await page.getByRole('button', { name: `Revoke: ${tokenName}` }).click();
  await page.getByText('Token revoked.').waitFor();
  await page.goto(`${GATEWAY}/portal/audit-log`);
  await page.getByRole('cell', { name: /User invited/ }).first().waitFor();
  await page.goto(`${GATEWAY}/portal/roles`);
  await page.getByRole('columnheader', { name: /Viewer/ }).waitFor();
  const roleName = `Refunds desk ${Date.now() % 100000}`;
  await page.getByRole('button', { name: 'Add role' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Role name').fill(roleName);
  await dialog.getByLabel('Refund orders').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Role created.').waitFor();
  await page.getByRole('columnheader', { name: new RegExp(roleName) }).waitFor();
  await page.getByRole('button', { name: `Delete: ${roleName}` }).click();
  await page.getByText('Role deleted.').waitFor();
});

test('Arabic pages render right to left', async () => {
  await page.goto(`${GATEWAY}/portal/orders`);
  await page.getByRole('button', { name: /Switch to Arabic/ }).click();
  await page.getByRole('heading', { name: 'الطلبات', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  const box = await page.getByRole('navigation').boundingBox();
  assert.ok(box.x > 600, 'the navigation is on the right');
  await page.getByRole('table').waitFor();
  await screenshot(page, 'orders-ar');
  await page.goto(`${GATEWAY}/portal/settlements/info`);
  await page.getByText('الدفعة القادمة').first().waitFor();
  await page.getByRole('button', { name: /التبديل إلى الإنجليزية/ }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
});

test('a tablet width keeps the pages usable', async () => {
  await page.setViewportSize({ width: 820, height: 1180 });
  try {
    await page.goto(`${GATEWAY}/portal/orders`);
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Settlement info' }).click();
    await page.getByRole('heading', { name: 'Settlement info' }).waitFor();
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
});

test('turn on two-step verification with an authenticator app, then sign in with a code and with a recovery code', async () => {
  // A new team member, activated through the mailed link.
  const email = `two-step-${Date.now()}@demo-merchant.test`;
  const password = `Sturdy-Lantern-${Date.now()}`;
  const invited = await api('POST', '/portal/v1/users', { token: adminToken, body: { email, full_name: 'Tariq Two-Step', locale: 'en', role: 'finance' } });
  assert.equal(invited.status, 201, invited.text);
  const link = await mailedLink(email, `${GATEWAY}/activate?token=`);
  const activated = await api('POST', '/auth/v1/activation', { body: { token: new URL(link).searchParams.get('token'), password } });
  assert.equal(activated.status, 200, activated.text);

  const member = await launch();
  try {
    const p = member.page;
    await signIn(p, email, password);
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Security' }).click();
    await p.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await p.getByLabel('Password', { exact: true }).fill(password);
    await p.getByRole('button', { name: 'Continue' }).click();

    const qr = p.getByRole('img', { name: 'QR code that adds Partners Portal to an authenticator app' });
    await qr.waitFor();
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
    await screenshot(p, 'security-enrol');
    const key = (await p.getByTestId('manual-key').textContent()).replace(/\s/g, '');
    assert.match(key, /^[A-Z2-7]{32}$/);
    const enrolledStep = timeStep();
    const firstCode = totp(key, enrolledStep);
    await p.getByLabel('Code from your authenticator app').fill(firstCode);
    await p.getByRole('button', { name: 'Confirm' }).click();
    const list = p.getByRole('list', { name: 'Save your recovery codes' });
    await list.waitFor();
    const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);
    await screenshot(p, 'security-recovery-codes');
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download' }).click()]);
    assert.equal(download.suggestedFilename(), 'partners-portal-recovery-codes.txt');
    await p.getByLabel('I have saved my recovery codes').check();
    await p.getByRole('button', { name: 'Done' }).click();
    await p.getByText('Two-step verification is on.').waitFor();
    await p.getByText('Recovery codes left: 10').waitFor();
    await mailedLink(email, `${GATEWAY}/portal/security`, { marker: 'Two-step verification is on' });

    // Sign in again: the password, then the code. The code that confirmed the app is refused: it was used.
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password', { exact: true }).fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await screenshot(p, 'sign-in-code');
    const stillInWindow = timeStep() <= enrolledStep + 1;
    await p.getByLabel('Code from your authenticator app').fill(firstCode);
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByRole('alert').getByText(stillInWindow ? /used already/ : /not right/).waitFor();
    // The next time step's code (an authenticator a little ahead, within the one-step tolerance): not used yet.
    await p.getByLabel('Code from your authenticator app').fill(totp(key, Math.max(timeStep(), enrolledStep) + 1));
    await p.getByRole('button', { name: 'Verify' }).click();
    await signedIn(p);

    // And with a recovery code: it works once, and the user is told how many are left.
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password', { exact: true }).fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await p.getByLabel('Recovery code').fill(codes[0]);
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByText(/Recovery codes left: 9/).waitFor();
    await p.getByRole('button', { name: 'Continue to the portal' }).click();
    await signedIn(p);
    assert.deepEqual(member.errors, []);
  } finally {
    await member.close();
  }

  // The admin sees it on the team list, and can reset it for someone who lost their phone.
  await page.goto(`${GATEWAY}/portal/users`);
  await page.getByRole('checkbox', { name: 'Require two-step verification for everyone in the team' }).waitFor();
  await page.getByRole('button', { name: `Reset two-step: ${email}` }).click();
  await page.getByText(`Two-step verification removed for ${email}.`).waitFor();
  const again = await api('POST', '/auth/v1/sign-in', { body: { email, password } });
  assert.ok(again.json.access_token, again.text);
});

test('a user limited to one legal entity exports orders, and sees only their entity on the settlement and invoice pages', async () => {
  const ksa = creds.legal_entities.find((e) => e.country_code === 'SA');
  const email = `one-entity-${Date.now()}@demo-merchant.test`;
  const password = `Single-Entity-${Date.now()}`;
  const invited = await api('POST', '/portal/v1/users', { token: adminToken, body: { email, full_name: 'Huda One-Entity', locale: 'en', role: 'finance', legal_entity_ids: [ksa.id] } });
  assert.equal(invited.status, 201, invited.text);
  const link = await mailedLink(email, `${GATEWAY}/activate?token=`);
  const activated = await api('POST', '/auth/v1/activation', { body: { token: new URL(link).searchParams.get('token'), password } });
  assert.equal(activated.status, 200, activated.text);

  const limited = await launch();
  try {
    const p = limited.page;
    await signIn(p, email, password);
    await p.goto(`${GATEWAY}/portal/exports`);
    const entity = p.getByLabel('Legal entity');
    await entity.waitFor();
    assert.equal(await entity.inputValue(), ksa.id);
    assert.equal(await entity.locator('option').count(), 1, 'only the entity the user may see');
    await p.getByRole('button', { name: 'Start export' }).click();
    await p.getByTestId('export-progress').waitFor();
    assert.equal(await p.getByTestId('export-progress').getByRole('alert').count(), 0);
    for (const path of ['/portal/settlements', '/portal/invoices']) {
      await p.goto(`${GATEWAY}${path}`);
      const select = p.getByLabel('Legal entity');
      await select.waitFor();
      assert.equal(await select.inputValue(), ksa.id, path);
      await p.getByRole('heading', { level: 1 }).waitFor();
      assert.equal(await p.getByRole('alert').count(), 0, `${path} shows no error`);
    }
    assert.deepEqual(limited.errors, []);
  } finally {
    await limited.close();
  }
});

/** The pages of the signed-in portal, each opened directly by its address. */
const PAGES = ['/portal/', '/portal/orders', '/portal/exports', '/portal/settlements', '/portal/settlements/info', '/portal/invoices', '/portal/users', '/portal/roles', '/portal/webhooks', '/portal/api-tokens', '/portal/audit-log', '/portal/security'];
/** Widths in the order a page is checked at: loaded on a phone, then widened (the drawer is checked closed first). */
const CHECKED_WIDTHS = [390, 768, 1280, 1366, 1920];

/** The app keeps the chosen language in localStorage; the next page load follows it. */
async function useLanguage(p, language) {
  await p.evaluate((l) => localStorage.setItem('portal.language', l), language);
}

/**
 * How the page sits on the screen: its width, how far each table overflows its card, whether the tables' rows are
 * cards and the menu is a closed drawer, and (in Arabic) any English word left in a heading or a column header.
 * Values typed by people (<bdi>), codes and ids (dir="ltr", code) and all-capital abbreviations (SAR, CSV, ZATCA)
 * are not English words.
 */
function layoutOf(p) {
  return p.evaluate(() => {
    const englishIn = (element) => {
      const copy = element.cloneNode(true);
      copy.querySelectorAll('bdi, [dir="ltr"], [lang="en"], code, .visually-hidden').forEach((e) => e.remove());
      return (copy.textContent.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !/^[A-Z]{2,6}s?$/.test(word));
    };
    const sidebar = document.getElementById('sidebar');
    return {
      pageWidth: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('.table-scroll')].map((box) => ({
        overflow: box.scrollWidth - box.clientWidth,
        rows: box.querySelectorAll('tbody tr').length,
        cards: [...box.querySelectorAll('tbody tr')].every((row) => getComputedStyle(row).display === 'block'),
      })),
      drawerClosed: !sidebar || getComputedStyle(sidebar).visibility === 'hidden',
      english: [...document.querySelectorAll('h1, h2, h3, th, legend, label, nav a, button')].flatMap((e) => englishIn(e).map((w) => `${e.tagName.toLowerCase()} "${w}"`)),
    };
  });
}

function layoutProblems(where, width, language, layout) {
  const problems = [];
  if (layout.pageWidth > width) problems.push(`${where}: the page is ${layout.pageWidth}px wide`);
  layout.tables.forEach((table, index) => {
    if (width >= 1280 && table.overflow > 1) problems.push(`${where}: table ${index + 1} is ${table.overflow}px wider than its card`);
    if (width < 768 && table.rows > 0 && !table.cards) problems.push(`${where}: table ${index + 1} is not shown as cards`);
  });
  if (width < 768 && !layout.drawerClosed) problems.push(`${where}: the menu is not a closed drawer`);
  if (language === 'ar' && layout.english.length) problems.push(`${where}: English left: ${[...new Set(layout.english)].join(', ')}`);
  return problems;
}

/**
 * Opens each page once per language, on a phone, and widens the window through the checked widths without reloading:
 * the layout at each; axe with every WCAG 2.1 A/AA rule on the phone (cards, drawer) and the laptop (tables, menu) and
 * with the width-dependent rules at 768 and 1920 px (1280 px, the narrowest laptop whose tables must fit their cards,
 * is for the layout only).
 */
async function checkEveryWidth(p, url, language, problems, misfits, photo) {
  await p.setViewportSize({ width: CHECKED_WIDTHS[0], height: 844 });
  await p.goto(url);
  await p.waitForFunction((l) => document.documentElement.lang === l, language);
  await p.getByRole('heading', { level: 1 }).waitFor();
  await p.waitForLoadState('networkidle');
  for (const width of CHECKED_WIDTHS) {
    if (width !== CHECKED_WIDTHS[0]) {
      await p.setViewportSize({ width, height: width < 768 ? 844 : 900 });
      // The layout settles (media queries, the chart's resize) before it is measured.
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const where = `${language} ${width}px ${new URL(url).pathname}`;
    if (width !== 1280) {
      const widthRulesOnly = width === 768 || width === 1920;
      problems.push(...(await accessibilityProblems(p, { widthRulesOnly })).map((x) => `${where} ${x}`));
    }
    misfits.push(...layoutProblems(where, width, language, await layoutOf(p)));
    if (photo?.width === width) await screenshot(p, photo.name);
  }
}

test('every page, in English and Arabic at 390, 768, 1366 and 1920 px, fits the screen and has no serious or critical WCAG A/AA violation', async () => {
  const problems = [];
  const misfits = [];
  const order = (await api('GET', '/portal/v1/orders?status=partially_refunded&limit=1', { token: adminToken })).json.orders[0]
    ?? (await api('GET', '/portal/v1/orders?limit=1', { token: adminToken })).json.orders[0];
  const report = (await api('GET', '/portal/v1/settlements/reports?limit=1', { token: adminToken })).json?.reports?.[0];
  const webhook = [(await api('GET', '/portal/v1/webhooks', { token: adminToken })).json ?? []].flat()[0];
  const pages = [...PAGES, `/portal/orders/${order.order_id}`];
  if (report) pages.push(`/portal/settlements/${report.report_id}`);
  if (webhook) pages.push(`/portal/webhooks/${webhook.webhook_id}`);
  try {
    for (const language of ['en', 'ar']) {
      await useLanguage(page, language);
      for (const path of pages) {
        const photo = language === 'ar' && path === '/portal/orders' ? { width: 390, name: 'orders-ar-390' } : undefined;
        await checkEveryWidth(page, `${GATEWAY}${path}`, language, problems, misfits, photo);
      }
      // The phone's menu: a drawer that opens from the top bar and closes when a page is chosen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${GATEWAY}/portal/orders`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const nav = page.getByRole('navigation', { name: language === 'ar' ? 'التنقل الرئيسي' : 'Main navigation' });
      assert.equal(await nav.getByRole('link').first().isVisible(), false, 'the closed drawer hides the menu');
      await page.locator('.menu-toggle').click();
      await nav.getByRole('link').first().waitFor();
      problems.push(...(await accessibilityProblems(page)).map((p) => `${language} 390px open menu ${p}`));
      await nav.locator('a[href$="/settlements/info"]').click();
      await page.waitForURL(/\/settlements\/info$/);
      await until('the drawer to close', async () => !(await nav.getByRole('link').first().isVisible()), 5_000);
    }
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
    await useLanguage(page, 'en');
  }
  assert.deepEqual({ misfits, problems }, { misfits: [], problems: [] });
});

test('the public pages (sign-in, forgotten password, sandbox checkout) fit every screen in both languages and pass the checks', async () => {
  const { checkoutUrl } = await checkout(`E2E-PUBLIC-${Date.now()}`);
  const visitor = await launch();
  const problems = [];
  const misfits = [];
  try {
    const p = visitor.page;
    await p.goto(`${GATEWAY}/portal/sign-in`);
    for (const language of ['en', 'ar']) {
      await useLanguage(p, language);
      for (const url of [`${GATEWAY}/portal/sign-in`, `${GATEWAY}/portal/forgot-password`, checkoutUrl]) {
        await checkEveryWidth(p, url, language, problems, misfits);
      }
    }
    assert.deepEqual(visitor.errors, []);
  } finally {
    await visitor.close();
  }
  assert.deepEqual({ misfits, problems }, { misfits: [], problems: [] });
});

test('the skip link, and a dialog that opens with Enter, traps focus, passes the checks and closes with Escape', async () => {
  const problems = [];
  // Keyboard: skip link, then a dialog that opens with Enter, traps focus and closes with Escape.
  const order = await capturedOrder();
  await page.goto(`${GATEWAY}/portal/orders/${order.order_id}`);
  await page.getByTestId('order-status').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.getByRole('button', { name: 'Refund', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'action-amount');
  problems.push(...(await accessibilityProblems(page)));
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});

test('no script errors on any page', () => {
  assert.deepEqual(browser.errors, []);
});
