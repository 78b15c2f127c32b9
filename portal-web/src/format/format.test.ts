import { formatAmount, formatMoney, validAmount, subtract, amountInput } from './money';
import { formatDateTime, formatDay } from './dates';

const money = (amount: number | string, currency: string) => formatMoney({ amount, currency }, 'en').replace(/\s/g, ' ');

describe('money', () => {
  it('shows two decimals for SAR, AED and QAR and three for KWD, BHD and OMR', () => {
    expect(money(1234.5, 'SAR')).toBe('SAR 1,234.50');
    expect(money('10', 'AED')).toBe('AED 10.00');
    expect(money(12.5, 'KWD')).toBe('KWD 12.500');
    expect(money(0.125, 'BHD')).toBe('BHD 0.125');
    expect(money(3, 'OMR')).toBe('OMR 3.000');
  });

  it('writes amounts in Arabic with the currency name', () => {
    const text = formatMoney({ amount: 12.5, currency: 'KWD' }, 'ar');
    expect(text).toContain('12.500');
    expect(text).toMatch(/[\u0600-\u06FF]/);
  });

  it('writes the number alone at the currency scale where a table names the currency, and lets Arabic wrap the name', () => {
    expect(formatAmount({ amount: 1234.5, currency: 'SAR' }, 'en')).toBe('1,234.50');
    expect(formatAmount({ amount: 12.5, currency: 'KWD' }, 'ar')).toBe('12.500');
    expect(formatMoney({ amount: 12.5, currency: 'KWD' }, 'ar')).not.toContain('\u00a0');
  });

  it('accepts amounts only at the currency scale', () => {
    expect(validAmount('10.25', 'SAR')).toBe(true);
    expect(validAmount('10.255', 'SAR')).toBe(false);
    expect(validAmount('10.255', 'KWD')).toBe(true);
    expect(validAmount('0', 'SAR')).toBe(false);
    expect(validAmount('-1', 'SAR')).toBe(false);
    expect(validAmount('abc', 'SAR')).toBe(false);
  });

  it('subtracts exactly at the scale', () => {
    expect(subtract({ amount: 0.3, currency: 'SAR' }, { amount: 0.1, currency: 'SAR' })).toEqual({ amount: 0.2, currency: 'SAR' });
    expect(amountInput({ amount: 1.5, currency: 'OMR' })).toBe('1.500');
  });
});

describe('dates', () => {
  it('shows instants in the merchant time zone', () => {
    // 21:30 UTC is 00:30 the next day in Riyadh and 01:30 in Dubai
    expect(formatDateTime('2026-11-29T21:30:00Z', 'Asia/Riyadh', 'en')).toContain('00:30');
    expect(formatDateTime('2026-11-29T21:30:00Z', 'Asia/Riyadh', 'en')).toContain('30 Nov 2026');
    expect(formatDateTime('2026-11-29T21:30:00Z', 'Asia/Dubai', 'en')).toContain('01:30');
  });

  it('keeps calendar days as they are', () => {
    expect(formatDay('2026-11-30', 'en')).toBe('30 Nov 2026');
  });
});
