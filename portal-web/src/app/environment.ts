/** The gateway writes its environment (sandbox or production) into index.html's meta tag when it serves it. */
export function environment(): string {
  const value = document.querySelector('meta[name="portal-environment"]')?.getAttribute('content') ?? '';
  return value.startsWith('__') ? 'sandbox' : value.toLowerCase();
}

export const isSandbox = () => environment() !== 'production';
