import { Navigate, type RouteObject } from 'react-router';
import { Layout, PublicLayout, RequirePermission, Home } from './Layout';
import { SignInPage } from '../auth/SignInPage';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { LinkPasswordPage } from '../auth/LinkPasswordPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { OrderDetailPage } from '../features/orders/OrderDetailPage';
import { ExportPage } from '../features/orders/ExportPage';
import { SettlementReportsPage } from '../features/settlements/SettlementReportsPage';
import { SettlementReportPage } from '../features/settlements/SettlementReportPage';
import { SettlementInfoPage } from '../features/settlements/SettlementInfoPage';
import { InvoicesPage } from '../features/settlements/InvoicesPage';
import { UsersPage } from '../features/users/UsersPage';
import { RolesPage } from '../features/users/RolesPage';
import { WebhooksPage } from '../features/webhooks/WebhooksPage';
import { WebhookDetailPage } from '../features/webhooks/WebhookDetailPage';
import { ApiTokensPage } from '../features/apiTokens/ApiTokensPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { SecurityPage } from '../features/security/SecurityPage';
import { SandboxCheckoutPage } from '../features/checkout/SandboxCheckoutPage';

const guarded = (permission: string, element: React.ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/activate', element: <LinkPasswordPage kind="activation" /> },
      { path: '/reset-password', element: <LinkPasswordPage kind="reset" /> },
      { path: '/checkout/:orderId', element: <SandboxCheckoutPage /> },
    ],
  },
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/orders', element: guarded('orders.view', <OrdersPage />) },
      { path: '/orders/:orderId', element: guarded('orders.view', <OrderDetailPage />) },
      { path: '/exports', element: guarded('orders.export', <ExportPage />) },
      { path: '/settlements', element: guarded('settlements.view', <SettlementReportsPage />) },
      { path: '/settlements/info', element: guarded('settlements.view', <SettlementInfoPage />) },
      { path: '/settlements/:reportId', element: guarded('settlements.view', <SettlementReportPage />) },
      { path: '/invoices', element: guarded('invoices.view', <InvoicesPage />) },
      { path: '/users', element: guarded('users.manage', <UsersPage />) },
      { path: '/roles', element: guarded('users.manage', <RolesPage />) },
      { path: '/webhooks', element: guarded('webhooks.manage', <WebhooksPage />) },
      { path: '/webhooks/:webhookId', element: guarded('webhooks.manage', <WebhookDetailPage />) },
      { path: '/api-tokens', element: guarded('api_tokens.manage', <ApiTokensPage />) },
      { path: '/audit-log', element: guarded('audit.view', <AuditLogPage />) },
      { path: '/security', element: <SecurityPage /> },
      { path: '/index.html', element: <Navigate to="/" replace /> },
    ],
  },
];
