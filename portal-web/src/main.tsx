import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './app/App';

// The mailed links are /activate?token=… and /reset-password?token=…: the gateway serves the app there, and it
// moves itself under its own base path, keeping the token.
if (window.location.pathname === '/activate' || window.location.pathname === '/reset-password') {
  window.history.replaceState(null, '', `/portal${window.location.pathname}${window.location.search}`);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
