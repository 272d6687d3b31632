import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '#shared/format.ts';
import { ORDER_STATUSES } from '#shared/domain.ts';
import type { ApiError, ApiMethodName, StatusSummary } from '#shared/api.ts';
import { useApiQuery } from '../api/api-context.tsx';
import { errorText } from '../api/error-text.ts';
import { useFormatLocale } from '../locale.ts';
import { NotificationsPanel } from './notifications-panel.tsx';

type StatKey =
  | 'ordersTotal'
  | 'unassignedPostings'
  | 'failedTransfers'
  | 'pendingTransfers'
  | 'shops'
  | 'unreadNotifications';

/** The dashboard refreshes itself while it is shown (and the page is visible): counts change in the background. */
const REFRESH_MS = 30_000;

/** Stable test ids: test/e2e relies on them. */
/** `attention`: colour of the number when it is above zero (work to do: orange; something broke: red). */
const STATS: readonly { key: StatKey; testId: string; attention?: string }[] = [
  { key: 'unassignedPostings', testId: 'summary-unassigned-postings', attention: 'orange.8' },
  { key: 'failedTransfers', testId: 'summary-failed-transfers', attention: 'red.8' },
  { key: 'pendingTransfers', testId: 'summary-pending-transfers' },
  { key: 'ordersTotal', testId: 'summary-orders-total' },
  { key: 'shops', testId: 'summary-shops' },
  { key: 'unreadNotifications', testId: 'summary-unread-notifications', attention: 'blue.8' },
];

function StatCard({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: string;
  testId: string;
  color: string | undefined;
}) {
  const labelId = `${testId}-label`;
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-labelledby={labelId}>
      {/* Label on top, number at the bottom: numbers line up even when a label wraps. */}
      <Stack justify="space-between" gap="xs" h="100%">
        {/* Long German compounds ("Statusübertragungen") must break inside a narrow card: at the soft hyphens of
            the texts, by hyphenation where the browser knows the language (html lang), else anywhere rather
            than overflow. */}
        <Text id={labelId} size="sm" c="dimmed" style={{ hyphens: 'auto', overflowWrap: 'anywhere' }}>
          {label}
        </Text>
        <Text fz={32} fw={700} lh={1.1} c={color} data-testid={testId}>
          {value}
        </Text>
      </Stack>
    </Paper>
  );
}

function SummaryView({ summary }: { summary: StatusSummary }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        {STATS.map((s) => (
          <StatCard
            key={s.key}
            label={t(`dashboard.${s.key}`)}
            value={formatCount(summary[s.key], locale)}
            testId={s.testId}
            color={summary[s.key] > 0 ? s.attention : undefined}
          />
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" radius="md" maw={560}>
        <Title order={2} size="h4" mb="xs" id="orders-by-status-title">
          {t('dashboard.ordersByStatus')}
        </Title>
        <Table data-testid="orders-by-status" verticalSpacing="xs" aria-labelledby="orders-by-status-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.status')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.count')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ORDER_STATUSES.map((status) => (
              <Table.Tr key={status} data-testid={`order-status-${status}`}>
                <Table.Th scope="row" fw={400} data-testid={`order-status-label-${status}`}>
                  {t(`orderStatus.${status}`)}
                </Table.Th>
                <Table.Td
                  ta="right"
                  data-testid={`order-count-${status}`}
                  c={summary.orders[status] === 0 ? 'dimmed' : undefined}
                >
                  {formatCount(summary.orders[status], locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/**
 * TanStack Query refetches on `visibilitychange` only; a desktop window that gets the focus back without having
 * been hidden should show fresh counts as well (once the data is stale).
 */
function useRefetchOnWindowFocus(method: ApiMethodName): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onFocus = () =>
      void queryClient.refetchQueries({ queryKey: [method], type: 'active', stale: true });
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [queryClient, method]);
}

export function Dashboard() {
  const { t } = useTranslation();
  const summary = useApiQuery('status.summary', {}, { refetchInterval: REFRESH_MS });
  useRefetchOnWindowFocus('status.summary');
  useRefetchOnWindowFocus('notifications.list');
  // A retry without data puts the query back to "pending" and clears its error; keep the error (and its
  // button, now busy) on screen until the new answer, instead of a flash of the first-load indicator.
  const [lastError, setLastError] = useState<ApiError | null>(null);
  if (summary.error && summary.error !== lastError) setLastError(summary.error);
  if (summary.isSuccess && lastError) setLastError(null);
  const error = summary.error ?? lastError;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('dashboard.title')}</Title>
      {summary.isPending && !error && (
        <Group gap="sm" role="status" data-testid="dashboard-loading">
          <Loader size="sm" aria-hidden />
          <Text>{t('dashboard.loading')}</Text>
        </Group>
      )}
      {error && (
        <Alert color="red" title={t('dashboard.error')} role="alert" data-testid="dashboard-error">
          <Stack gap="sm" align="flex-start">
            <Text size="sm" data-testid="dashboard-error-message">
              {errorText(error, t)}
            </Text>
            <Button
              size="xs"
              variant="outline"
              color="red"
              loading={summary.isFetching}
              aria-busy={summary.isFetching}
              data-testid="dashboard-retry"
              onClick={() => void summary.refetch()}
            >
              {t('dashboard.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {/* Counts of the last good answer stay visible when a background refresh fails. */}
      {summary.data && <SummaryView summary={summary.data} />}
      {/* Shown once the dashboard has loaded: a dead connection is reported once, above, not twice. */}
      {summary.data && <NotificationsPanel refetchInterval={REFRESH_MS} />}
    </Stack>
  );
}
