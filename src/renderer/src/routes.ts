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

export function useScreen(): Screen {
  const [screen, setScreen] = useState<Screen>(() => screenFromHash(window.location.hash));
  useEffect(() => {
    const update = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return screen;
}
