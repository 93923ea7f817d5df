import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordState } from '../../app/ui/RecordState';
import type { ProgramQuery } from '../../gql/graphql';
import { isMissing } from '../catalogue/missing-record';

type Program = ProgramQuery['program'];

interface ProgramStateProps {
  program: Program | null | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
  children: (program: Program) => ReactNode;
}

/** The program, or why it is not shown: on its page and its edit form alike. */
export function ProgramState({ program, error, loading, refetch, children }: ProgramStateProps) {
  const { t } = useTranslation();
  return (
    <RecordState
      record={program}
      error={error}
      loading={loading}
      refetch={refetch}
      failedTitle={t('programs.detail.errorTitle')}
      loadingLabel={t('programs.detail.loading')}
      loadingTestId="program-loading"
      isMissing={isMissing}
      notFoundTitle={t('programs.detail.notFoundTitle')}
      notFoundHint={<Link to="/catalogue/programs">{t('programs.detail.notFoundHint')}</Link>}
    >
      {children}
    </RecordState>
  );
}
