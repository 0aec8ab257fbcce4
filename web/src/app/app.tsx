import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/api-error';
import { currentUserKey } from '../auth/current-user-query';
import { router } from './router';
import { theme } from './theme';

/** Any 401 means the session is gone: forget the user so the route guard sends them to /login. */
function forgetUserOnUnauthenticated(error: Error): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (queryClient.getQueryData(currentUserKey) === null) return;
  queryClient.setQueryData(currentUserKey, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetUserOnUnauthenticated }),
  mutationCache: new MutationCache({ onError: forgetUserOnUnauthenticated }),
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Providers (data, antd locale + theme, i18n-aware) around the router. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
        <AntdApp>
          <RouterProvider router={router} />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
