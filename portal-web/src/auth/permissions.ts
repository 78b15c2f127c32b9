/** The portal's pages and the permission each needs, as the gateway's route table requires them. */
export interface PageDef {
  path: string;
  label: string;
  permission: string;
}

export const PAGES: PageDef[] = [
  { path: '/', label: 'nav.home', permission: 'orders.view' },
  { path: '/orders', label: 'nav.orders', permission: 'orders.view' },
  { path: '/settlements', label: 'nav.settlements', permission: 'settlements.view' },
  { path: '/settlements/info', label: 'nav.settlementInfo', permission: 'settlements.view' },
  { path: '/invoices', label: 'nav.invoices', permission: 'invoices.view' },
  { path: '/users', label: 'nav.users', permission: 'users.manage' },
  { path: '/roles', label: 'nav.roles', permission: 'users.manage' },
  { path: '/webhooks', label: 'nav.webhooks', permission: 'webhooks.manage' },
  { path: '/api-tokens', label: 'nav.apiTokens', permission: 'api_tokens.manage' },
  { path: '/audit-log', label: 'nav.audit', permission: 'audit.view' },
];

export function allowedPages(permissions: string[]) {
  return PAGES.filter((page) => permissions.includes(page.permission));
}
