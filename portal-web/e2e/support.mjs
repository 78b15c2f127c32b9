// Shared helpers of the browser suite: Debian's Chromium through playwright-core (never a downloaded browser),
// the local run's demo credentials, its mail catcher and a few API calls for set-up.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { createHmac } from 'node:crypto';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const GATEWAY = process.env.PORTAL_GATEWAY ?? 'http://127.0.0.1:8080';
export const MAIL = process.env.PORTAL_MAIL ?? 'http://127.0.0.1:8025';
export const SCREENSHOTS = process.env.PORTAL_SCREENSHOTS ?? join(ROOT, 'docs/screenshots');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function credentials() {
  return JSON.parse(readFileSync(join(ROOT, '.run/demo-credentials.json'), 'utf8'));
}

let browser;

/** One Chromium for the whole suite; each person in a test gets their own context (cookies, storage) in it. */
async function sharedBrowser() {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/** A fresh browser context (a person at their own screen), closed afterwards. */
export async function launch({ width = 1366, height = 900, locale = 'en-US' } = {}) {
  const context = await (await sharedBrowser()).newContext({
    viewport: { width, height },
    locale,
    acceptDownloads: true,
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Confirmations (disable a user, rotate a secret, revoke a token) are accepted, as the person meant them.
  context.on('page', (p) => p.on('dialog', (d) => void d.accept()));
  page.on('dialog', (dialog) => void dialog.accept());
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
    },
  };
}

/** The screenshots the README shows (docs/screenshots/); the suite takes no others. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export async function signIn(page, email, password) {
  await page.goto(`${GATEWAY}/portal/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn(page);
}

/** Signed in, at any width: the top bar's Sign out shows (the menu may be a closed drawer). */
export async function signedIn(page) {
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function api(method, path, { token, body } = {}) {
  const response = await fetch(`${GATEWAY}${path}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

export async function tokenFor(who) {
  const { email, password } = credentials()[who];
  const answer = await api('POST', '/auth/v1/sign-in', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`sign-in of ${email}: ${answer.status} ${answer.text}`);
  return answer.json.access_token;
}

/** Waits (the mail queue may be busy after a start) for a mail to an address whose text contains `marker` and returns the first link starting with `prefix`. */
export async function mailedLink(email, prefix, { marker = prefix, timeoutMs = 150_000, after = 0 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"'<>]*`);
  while (Date.now() < deadline) {
    const response = await fetch(`${MAIL}/api/user/${encodeURIComponent(email)}/messages/`);
    if (response.ok) {
      const messages = await response.json();
      for (const message of messages.slice(after).reverse()) {
        const text = JSON.stringify(message).replace(/\\r\\n|\\n/g, '\n').replace(/=\\r?\\n|=\n/g, '').replace(/=3D/g, '=').replace(/&amp;/g, '&');
        if (text.includes(marker)) {
          const match = pattern.exec(text);
          if (match) return match[0].replace(/\\+$/, '');
        }
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no mail to ${email} with ${prefix} within ${timeoutMs} ms`);
}

export async function mailCount(email) {
  const response = await fetch(`${MAIL}/api/user/${encodeURIComponent(email)}/messages/`);
  return response.ok ? (await response.json()).length : 0;
}

export async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A new SAR order of the demo merchant (230.00: two lamps and shipping) through the merchant API; answers the
 * order id and the checkout_url that the sandbox's checkout page opens.
 */
export async function checkout(reference, merchantUrl) {
  const sar = (amount) => ({ amount, currency: 'SAR' });
  const created = await api('POST', '/checkout', {
    token: credentials().api_token.token,
    body: {
      order_reference_id: reference, order_number: reference, total_amount: sar(230), shipping_amount: sar(30), country_code: 'SA',
      payment_type: 'PAY_BY_INSTALMENTS', instalments: 4, locale: 'en_SA',
      items: [{ reference_id: 'line-1', type: 'Physical', name: 'Desk lamp', sku: 'LMP-1', quantity: 2, unit_price: sar(100), total_amount: sar(200) }],
      consumer: { first_name: 'Sara', last_name: 'Al-Harbi', phone_number: '+966500000001', email: 'sara@example.com' },
      shipping_address: { first_name: 'Sara', last_name: 'Al-Harbi', line1: 'Building 7', city: 'Riyadh', country_code: 'SA' },
      ...(merchantUrl ? { merchant_url: merchantUrl } : {}),
    },
  });
  if (created.status !== 200) throw new Error(`checkout: ${created.status} ${created.text}`);
  return { orderId: created.json.order_id, checkoutUrl: created.json.checkout_url };
}

/**
 * A new authorised SAR order of the demo merchant: checkout through the merchant API, the customer's approval on
 * the sandbox checkout (its API, through the gateway, with the token from the checkout_url), then authorise.
 */
export async function authorisedOrder(reference) {
  const { orderId, checkoutUrl } = await checkout(reference);
  const token = new URL(checkoutUrl).searchParams.get('token');
  const approved = await api('POST', `/sandbox/checkout/${orderId}/answer?token=${encodeURIComponent(token)}`, { body: { decision: 'approved' } });
  if (approved.status !== 200) throw new Error(`approval: ${approved.status} ${approved.text}`);
  const authorised = await api('POST', `/orders/${orderId}/authorise`, { token: credentials().api_token.token });
  if (authorised.status !== 200) throw new Error(`authorise: ${authorised.status} ${authorised.text}`);
  return orderId;
}

/**
 * The WCAG rules whose outcome can change with the window's width on the same page: the contrast of what is shown
 * (columns appear from 1600 px, cards replace rows under 768 px) and scrollable regions (a table that scrolls).
 */
const WIDTH_RULES = ['color-contrast', 'scrollable-region-focusable'];

/**
 * Accessibility check of the page as it is now (axe-core through @axe-core/playwright, WCAG 2.1 A and AA rules,
 * contrast included; or only the width-dependent rules): the serious and critical violations, as "rule: target" lines.
 */
export async function accessibilityProblems(page, { widthRulesOnly = false } = {}) {
  const axe = new AxeBuilder({ page });
  const result = await (widthRulesOnly ? axe.withRules(WIDTH_RULES) : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The 30-second time step of now (RFC 6238's T). */
export function timeStep(at = Date.now()) {
  return Math.floor(at / 1000 / 30);
}

/** An authenticator app: the 6-digit TOTP code (RFC 6238, HMAC-SHA1) of a base32 key for a time step. */
export function totp(base32Key, step = timeStep()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32Key.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
