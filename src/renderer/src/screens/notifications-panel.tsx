/**
 * The dashboard's unread dealer notifications (notifications.list), newest first, each with "mark as read", and
 * "mark all as read" (notifications.markRead). Texts are worded in the UI language from each notification's kind
 * and params (#shared/notification-texts.ts); ones stored before they had params show their stored English text.
 * Dates in the user's locale and time zone.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiInput, ApiOutput } from '#shared/api.ts';
import type { NotificationDto, NotificationLevel } from '#shared/api/notifications.ts';
import { formatCount, formatInstant } from '#shared/format.ts';
import { notificationFormat, notificationText, type NotificationFormat } from '#shared/notification-texts.ts';
import { useApi, useApiQuery } from '../api/api-context.tsx';
import { errorText } from '../api/error-text.ts';
import { isLanguage } from '../i18n/index.ts';
import { useFormatLocale } from '../locale.ts';

/** How many the panel lists at once; the rest follow as these are read. */
const SHOWN = 20;
const LEVEL_COLOR: Readonly<Record<NotificationLevel, string>> = {
  info: 'blue',
  warning: 'orange',
  error: 'red',
};

function NotificationItem({
  n,
  format,
  locale,
  onRead,
  busy,
}: {
  n: NotificationDto;
  format: NotificationFormat;
  locale: string;
  onRead: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const text = notificationText(n, format);
  const titleId = `notification-title-${n.id}`;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-testid={`notification-${n.id}`}
      aria-labelledby={titleId}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs" align="center">
            <Badge color={LEVEL_COLOR[n.level]} variant="light">
              {t(`notifications.level.${n.level}`)}
            </Badge>
            <Text component="time" dateTime={n.createdAt} size="sm" c="dimmed">
              {formatInstant(n.createdAt, locale)}
            </Text>
          </Group>
          <Button
            size="xs"
            variant="subtle"
            disabled={busy}
            aria-label={t('notifications.markReadOne', { title: text.title })}
            data-testid={`notification-read-${n.id}`}
            onClick={onRead}
          >
            {t('notifications.markRead')}
          </Button>
        </Group>
        <Text fw={600} id={titleId} data-testid={titleId}>
          {text.title}
        </Text>
        <Text size="sm" data-testid={`notification-body-${n.id}`}>
          {text.body}
        </Text>
      </Stack>
    </Paper>
  );
}

export function NotificationsPanel({ refetchInterval }: { refetchInterval: number }) {
  const { t, i18n } = useTranslation();
  const locale = useFormatLocale();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const format = notificationFormat(isLanguage(language) ? language : 'de', locale);
  const api = useApi();
  const queryClient = useQueryClient();
  const list = useApiQuery('notifications.list', { limit: SHOWN }, { refetchInterval });
  const markRead = useMutation<
    ApiOutput<'notifications.markRead'>,
    ApiError,
    ApiInput<'notifications.markRead'>
  >({
    mutationFn: (input) => api['notifications.markRead'](input),
    // The list and the dashboard's unread count change together.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['notifications.list'] }),
        queryClient.invalidateQueries({ queryKey: ['status.summary'] }),
      ]),
  });
  const page = list.data;
  return (
    <Paper withBorder p="md" radius="md" maw={720} data-testid="notifications-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="notifications-title">
          {t('notifications.title')}
        </Title>
        {page && page.items.length > 0 && (
          <Button
            size="xs"
            variant="light"
            loading={markRead.isPending && 'all' in (markRead.variables ?? {})}
            disabled={markRead.isPending}
            data-testid="notifications-read-all"
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
      {list.isPending && !list.error && (
        <Group gap="sm" role="status">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('notifications.loading')}</Text>
        </Group>
      )}
      {list.error && !page && (
        <Alert color="red" title={t('notifications.error')} role="alert" data-testid="notifications-error">
          {errorText(list.error, t)}
        </Alert>
      )}
      {markRead.error && (
        <Alert color="red" title={t('notifications.markFailed')} role="alert" mb="xs">
          {errorText(markRead.error, t)}
        </Alert>
      )}
      {page && page.items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="notifications-empty">
          {t('notifications.none')}
        </Text>
      )}
      {page && page.items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="notifications-title"
          data-testid="notifications-list"
        >
          {page.items.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              format={format}
              locale={locale}
              busy={markRead.isPending}
              onRead={() => markRead.mutate({ ids: [n.id] })}
            />
          ))}
        </Stack>
      )}
      {page && page.items.length < page.total && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="notifications-more">
          {t('notifications.more', {
            shown: formatCount(page.items.length, locale),
            total: formatCount(page.total, locale),
          })}
        </Text>
      )}
    </Paper>
  );
}
