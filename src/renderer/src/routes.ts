/**
 * The screens and their hash routes (#/orders ...). Hash routing keeps every navigation inside the loaded page,
 * so the main process can deny all real navigations (design §3.5).
 */
import { useEffect, useState } from 'react';

export const SCREENS = ['dashboard', 'queue', 'orders', 'postings', 'shops', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'dashboard';
}

export function hrefFor(screen: Screen): string {
  return `#/${screen}`;
}

/**
 * The hash to put in the address bar instead of `hash`, or undefined when it is fine: an unknown screen shows
 * the dashboard, so the address says so too (no bookmark of a route that does not exist). No hash stays none.
 */
export function normalisedHash(hash: string): string | undefined {
  const name = hash.replace(/^#\/?/, '');
  if (name === '' || (SCREENS as readonly string[]).includes(name)) return undefined;
  return hrefFor('dashboard');
}

function currentScreen(): Screen {
  const fixed = normalisedHash(window.location.hash);
  if (fixed) {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${fixed}`);
  }
  return screenFromHash(window.location.hash);
}

export function useScreen(): Screen {
  const [screen, setScreen] = useState<Screen>(currentScreen);
  useEffect(() => {
    const update = () => setScreen(currentScreen());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return screen;
}
