import { AppShell, Burger, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
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

export function App() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const screen = useScreen();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={2} size="h3" c="teal.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
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
