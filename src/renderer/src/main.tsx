/** Renderer entry: Mantine, TanStack Query and i18n around the app shell, over the right API transport. */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '#shared/api.ts';
import { ApiProvider } from './api/api-context.tsx';
import { createTransport } from './api/transport.ts';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md' });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only a lost connection is worth retrying; an error with a code is an answer and is shown as it is.
      retry: (failures, error) => error instanceof ApiError && error.code === 'NETWORK' && failures < 2,
      staleTime: 5_000,
      // Coming back to the page shows fresh data (stated here because screens rely on it; TanStack's default).
      refetchOnWindowFocus: true,
    },
  },
});

async function start(): Promise<void> {
  const api = createTransport();
  await initI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element.');
  createRoot(container).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <ApiProvider api={api}>
            <App />
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
