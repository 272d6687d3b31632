import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An honest placeholder for a screen that does not exist yet. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="coming-soon">
      <Title order={1}>{title}</Title>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="xs" align="flex-start">
          <Badge variant="light" color="gray">
            {t('comingSoon.badge')}
          </Badge>
          <Text>{t('comingSoon.body')}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
