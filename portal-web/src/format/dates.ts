/** Date and time in the merchant's (legal entity's) time zone, in the page's language. */
export function formatDateTime(iso: string | null | undefined, timeZone: string, language: string) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A calendar day ("2026-11-30") as written in the page's language; days have no time zone. */
export function formatDay(day: string | null | undefined, language: string) {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A billing month ("2026-11") as written in the page's language ("Nov 2026"). */
export function formatMonth(month: string | null | undefined, language: string) {
  if (!month) return '—';
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale(language), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Today's date in a time zone, as "YYYY-MM-DD" (for date inputs). */
export function todayIn(timeZone: string, offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function locale(language: string) {
  return language === 'ar' ? 'ar-SA-u-nu-latn-ca-gregory' : 'en-GB';
}
