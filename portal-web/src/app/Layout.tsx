import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { signOut } from '../api/client';
import { useCan, useSession } from '../auth/AuthContext';
import { allowedPages } from '../auth/permissions';
import { HomePage } from '../features/home/HomePage';
import { isSandbox } from './environment';
import { useTableCardLabels } from '../components/tableCards';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'ar' ? 'en' : 'ar';
  return (
    <button type="button" className="button-ghost" onClick={() => void i18n.changeLanguage(next)}>
      <span lang={next}>{t('app.language')}</span>
      <span className="visually-hidden"> — {t('app.languageLabel')}</span>
    </button>
  );
}

function SandboxMarker() {
  const { t } = useTranslation();
  if (!isSandbox()) return null;
  return (
    <span className="sandbox-marker" title={t('app.sandboxNote')}>
      {t('app.sandbox')}
    </span>
  );
}

/** Pages anyone may open: sign-in and the links from emails. */
export function PublicLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useTableCardLabels(main);
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <SandboxMarker />
        <LanguageSwitch />
      </header>
      <main id="main" className="public-main" ref={main}>
        <Outlet />
      </main>
    </div>
  );
}

/** The signed-in shell: navigation limited to the pages the user's role allows. */
export function Layout() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  useTableCardLabels(main);
  useEffect(() => {
    // A new page moves the focus to its content, as a page load would (not on the first page, nor on filter changes).
    if (location.pathname !== firstPath.current) main.current?.focus();
    firstPath.current = '';
  }, [location.pathname]);
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  const pages = allowedPages(session.claims.permissions);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <button type="button" className="button-ghost menu-toggle" aria-expanded={menuOpen} aria-controls="sidebar" onClick={() => setMenuOpen(!menuOpen)}>
          {t('app.menu')}
        </button>
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <SandboxMarker />
        <span className="spacer" />
        <span className="user-name" title={session.claims.email}>
          {t('app.signedInAs', { name: session.claims.name || session.claims.email })}
        </span>
        <LanguageSwitch />
        <button type="button" className="button-secondary" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </header>
      <div className="body">
        <nav id="sidebar" className={`sidebar${menuOpen ? ' open' : ''}`} aria-label={t('app.navigation')}>
          <ul>
            {pages.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path} end onClick={() => setMenuOpen(false)}>
                  {t(page.label)}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/security" end onClick={() => setMenuOpen(false)}>
                {t('nav.security')}
              </NavLink>
            </li>
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/** Renders a page only for a user whose token carries its permission; others are told so (and the API refuses). */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (!can(permission)) {
    return (
      <section className="card" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('app.forbidden')}</h1>
      </section>
    );
  }
  return <>{children}</>;
}

/** The home page for those who may see orders; anyone else starts on the first page their role allows. */
export function Home() {
  const session = useSession();
  const permissions = session?.claims.permissions ?? [];
  if (permissions.includes('orders.view')) return <HomePage />;
  const first = allowedPages(permissions).find((page) => page.path !== '/');
  return first ? <Navigate to={first.path} replace /> : <RequirePermission permission="orders.view">{null}</RequirePermission>;
}
