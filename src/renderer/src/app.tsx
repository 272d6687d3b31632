import { AppShell, Burger, Group, NavLink, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from './i18n/index.ts';
import { hrefFor, SCREENS, useScreen, type Screen } from './routes.ts';
import { ComingSoon } from './screens/coming-soon.tsx';
import { Dashboard } from './screens/dashboard.tsx';

function ScreenView({ screen }: { screen: Screen }) {
  const { t } = useTranslation();
  if (screen === 'dashboard') return <Dashboard />;
  return <ComingSoon title={t(`nav.${screen}`)} />;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={i18n.resolvedLanguage ?? 'de'}
      onChange={(value) => {
        if (isLanguage(value)) void i18n.changeLanguage(value);
      }}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}

/** The document title names the screen first (tabs, history, screen readers announce it on load). */
function useDocumentTitle(screen: Screen): void {
  const { t } = useTranslation();
  const title = `${t(`nav.${screen}`)} – ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** Escape closes the burger navigation (as it closes any other open overlay). */
function useCloseOnEscape(opened: boolean, close: () => void): void {
  useEffect(() => {
    if (!opened) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened, close]);
}

export function App() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const screen = useScreen();
  useDocumentTitle(screen);
  useCloseOnEscape(opened, close);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={opened}
              aria-controls="main-navigation"
              data-testid="nav-burger"
            />
            {/* The app name is a brand, not a heading: each screen's h1 is the first heading of the page. */}
            <Text component="span" fz="h3" fw={700} c="teal.8">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t('nav.label')}>
        {SCREENS.map((s) => (
          <NavLink
            key={s}
            href={hrefFor(s)}
            label={t(`nav.${s}`)}
            active={s === screen}
            aria-current={s === screen ? 'page' : undefined}
            onClick={close}
            data-testid={`nav-${s}`}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ScreenView screen={screen} />
      </AppShell.Main>
    </AppShell>
  );
}
