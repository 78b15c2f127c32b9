import type { Money } from '../api/types';

/** Decimals of each Gulf currency: fils for KWD, BHD and OMR are thousandths. */
const SCALE: Record<string, number> = { SAR: 2, AED: 2, QAR: 2, KWD: 3, BHD: 3, OMR: 3 };

export function currencyScale(currency: string) {
  return SCALE[currency] ?? 2;
}

/** 1234.5 SAR → "SAR 1,234.50" in English, "‏1,234.50 ر.س.‏" style in Arabic (Latin digits, as Gulf portals do). */
export function formatMoney(money: Money | null | undefined, language: string) {
  if (!money) return '—';
  const scale = currencyScale(money.currency);
  const amount = Number(money.amount);
  const text = new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-US', {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: language === 'ar' ? 'name' : 'code',
    minimumFractionDigits: scale,
    maximumFractionDigits: scale,
  }).format(amount);
  // In Arabic the currency is a name ("ريال سعودي"): a table may wrap it under the number.
  return language === 'ar' ? text.replace(/\u00a0/g, ' ') : text;
}

/** The number alone at the currency's scale ("1,234.50"), for tables whose row or caption names the currency. */
export function formatAmount(money: Money | null | undefined, language: string) {
  if (!money) return '—';
  const scale = currencyScale(money.currency);
  return new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-US', {
    minimumFractionDigits: scale,
    maximumFractionDigits: scale,
  }).format(Number(money.amount));
}

/** The amount as a form value at the currency's scale ("12.500" for KWD). */
export function amountInput(money: Money) {
  return Number(money.amount).toFixed(currencyScale(money.currency));
}

/** Whether a typed amount is a positive number with no more decimals than the currency has. */
export function validAmount(text: string, currency: string) {
  const match = /^\d+(?:\.(\d+))?$/.exec(text.trim());
  return !!match && Number(text) > 0 && (match[1]?.length ?? 0) <= currencyScale(currency);
}

export function subtract(a: Money, b: Money | undefined): Money {
  const scale = currencyScale(a.currency);
  const factor = 10 ** scale;
  const cents = Math.round(Number(a.amount) * factor) - Math.round(Number(b?.amount ?? 0) * factor);
  return { amount: cents / factor, currency: a.currency };
}
