import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordState } from '../../app/ui/RecordState';

interface CentreStateProps<Centre> {
  centre: Centre | null | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
  children: (centre: Centre) => ReactNode;
}

/** The centre, or why it is not shown: on its page and its edit form alike. */
export function CentreState<Centre>({ centre, error, loading, refetch, children }: CentreStateProps<Centre>) {
  const { t } = useTranslation();
  return (
    <RecordState
      record={centre}
      error={error}
      loading={loading}
      refetch={refetch}
      failedTitle={t('centre.errorTitle')}
      loadingLabel={t('centre.loading')}
      loadingTestId="centre-loading"
      notFoundTitle={t('centre.notFoundTitle')}
      notFoundHint={t('centre.notFoundHint')}
    >
      {children}
    </RecordState>
  );
}
