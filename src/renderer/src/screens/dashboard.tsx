import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '#shared/format.ts';
import { ORDER_STATUSES } from '#shared/domain.ts';
import type { StatusSummary } from '#shared/api.ts';
import { useApiQuery } from '../api/api-context.tsx';
import { useFormatLocale } from '../locale.ts';

type StatKey = 'ordersTotal' | 'unassignedPostings' | 'failedTransfers' | 'pendingTransfers' | 'shops';

/** Stable test ids: test/e2e relies on them. */
/** `attention`: colour of the number when it is above zero (work to do: orange; something broke: red). */
const STATS: readonly { key: StatKey; testId: string; attention?: string }[] = [
  { key: 'unassignedPostings', testId: 'summary-unassigned-postings', attention: 'orange.8' },
  { key: 'failedTransfers', testId: 'summary-failed-transfers', attention: 'red.8' },
  { key: 'pendingTransfers', testId: 'summary-pending-transfers' },
  { key: 'ordersTotal', testId: 'summary-orders-total' },
  { key: 'shops', testId: 'summary-shops' },
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
        <Text id={labelId} size="sm" c="dimmed">
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
      <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }}>
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

export function Dashboard() {
  const { t } = useTranslation();
  const summary = useApiQuery('status.summary', {});
  return (
    <Stack gap="lg">
      <Title order={1}>{t('dashboard.title')}</Title>
      {summary.isPending && (
        <Group gap="sm" role="status" data-testid="dashboard-loading">
          <Loader size="sm" aria-hidden />
          <Text>{t('dashboard.loading')}</Text>
        </Group>
      )}
      {summary.isError && (
        <Alert color="red" title={t('dashboard.error')} role="alert" data-testid="dashboard-error">
          <Stack gap="sm" align="flex-start">
            <Text size="sm" data-testid="dashboard-error-message">
              {summary.error.message}
            </Text>
            <Button size="xs" variant="outline" color="red" onClick={() => void summary.refetch()}>
              {t('dashboard.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {summary.isSuccess && <SummaryView summary={summary.data} />}
    </Stack>
  );
}
