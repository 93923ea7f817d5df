import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { PROGRAM_KINDS } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Field } from '../../app/ui/Field';
import type { ProgramKind, ProgramsQuery as ProgramsResult } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { canEditPrograms } from '../catalogue/catalogue-permissions';
import { CatalogueList } from '../catalogue/CatalogueList';
import { RetiredChip } from '../catalogue/RetiredChip';
import { durationText, eligibilitySummary } from './eligibility';
import { readProgramFilters, toProgramFilter, writeProgramFilters, type ProgramFilterState, type RuralFilter } from './program-filters';
import { PROGRAMS_PAGE_SIZE, ProgramsQuery } from './programs-documents';

type ProgramRow = ProgramsResult['programs']['nodes'][number];

/** The programs of the network, by name, with who may take part; filters live in the URL. */
export function ProgramsList() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = readProgramFilters(params);
  const filter = toProgramFilter(filters);
  const { data, previousData, error, refetch, networkStatus } = useQuery(ProgramsQuery, {
    variables: { first: PROGRAMS_PAGE_SIZE, ...(filter ? { filter } : {}) },
    notifyOnNetworkStatusChange: true,
  });
  const apply = (change: Partial<ProgramFilterState>) => setParams(writeProgramFilters({ ...filters, ...change }));

  return (
    <CatalogueList
      texts="programs"
      path="/catalogue/programs"
      newPath="/catalogue/programs/new"
      canEdit={canEditPrograms(ability)}
      search={filters}
      onSearch={apply}
      filtered={filter !== undefined}
      connection={(data ?? previousData)?.programs}
      error={error}
      busy={networkStatus !== NetworkStatus.ready}
      refetch={refetch}
      loadingTestId="programs-loading"
      columns={[t('programs.column.name'), t('programs.column.kind'), t('programs.column.eligibility'), t('programs.column.duration')]}
      renderRow={(program, today) => <ProgramListRow key={program.id} program={program} today={today} />}
    >
      <Field label={t('programs.filter.kind')}>
        {(control) => (
          <select {...control} value={filters.kind} onChange={(event) => apply({ kind: event.target.value as ProgramKind | '' })}>
            <option value="">{t('programs.filter.anyKind')}</option>
            {PROGRAM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`enums.programKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('programs.filter.rural')}>
        {(control) => (
          <select {...control} value={filters.rural} onChange={(event) => apply({ rural: event.target.value as RuralFilter })}>
            <option value="">{t('programs.filter.ruralAny')}</option>
            <option value="only">{t('programs.filter.ruralOnly')}</option>
            <option value="open">{t('programs.filter.ruralOpen')}</option>
          </select>
        )}
      </Field>
    </CatalogueList>
  );
}

function ProgramListRow({ program, today }: { program: ProgramRow; today: string }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="program-row">
      <th scope="row">
        <Link to={`/catalogue/programs/${encodeURIComponent(program.id)}`}>{program.name}</Link> <RetiredChip closedOn={program.closedOn} today={today} />
      </th>
      <td>{t(`enums.programKind.${program.kind}`)}</td>
      <td>{eligibilitySummary(program, t)}</td>
      <td>{durationText(program.durationWeeks, t)}</td>
    </tr>
  );
}
