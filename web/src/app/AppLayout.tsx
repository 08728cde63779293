import { SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader';
import { SessionProvider } from './session';

/** The frame around every signed-in page: skip link, header with navigation, main content. */
export function AppLayout() {
  const { t } = useTranslation('app');
  return (
    <SessionProvider>
      <SkipLink href="#main">{t('skipToMain')}</SkipLink>
      <AppHeader />
      <MainContent />
      <footer className="app-footer">
        <p>{t('footer')}</p>
      </footer>
    </SessionProvider>
  );
}

/** After a client-side navigation, focus moves to the new page so screen readers announce it. */
function MainContent() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);
  return (
    <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
      <Outlet />
    </main>
  );
}
