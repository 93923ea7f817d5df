import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ClubTypesQuery as ClubTypesResult } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { canEditClubTypes } from './catalogue-permissions';
import { catalogueSearchFilter, filterOrNothing, readCatalogueSearch, writeCatalogueSearch } from './catalogue-filters';
import { CatalogueList } from './CatalogueList';
import { CLUB_TYPES_PAGE_SIZE, ClubTypesQuery } from './club-types-documents';
import { RetiredChip } from './RetiredChip';

type ClubTypeRow = ClubTypesResult['clubTypes']['nodes'][number];

/** The club catalogue, by name; filters live in the URL. */
export function ClubTypesList() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const [params, setParams] = useSearchParams();
  const search = readCatalogueSearch(params);
  const filter = filterOrNothing(catalogueSearchFilter(search));
  const { data, previousData, error, refetch, networkStatus } = useQuery(ClubTypesQuery, {
    variables: { first: CLUB_TYPES_PAGE_SIZE, ...(filter ? { filter } : {}) },
    notifyOnNetworkStatusChange: true,
  });

  return (
    <CatalogueList
      texts="catalogue.clubTypes"
      path="/catalogue"
      newPath="/catalogue/club-types/new"
      canEdit={canEditClubTypes(ability)}
      search={search}
      onSearch={(change) => setParams(writeCatalogueSearch({ ...search, ...change }))}
      filtered={filter !== undefined}
      connection={(data ?? previousData)?.clubTypes}
      error={error}
      busy={networkStatus !== NetworkStatus.ready}
      refetch={refetch}
      loadingTestId="club-types-loading"
      columns={[t('catalogue.clubTypes.column.name'), t('catalogue.clubTypes.column.description')]}
      renderRow={(type, today) => <ClubTypeListRow key={type.id} type={type} today={today} />}
    />
  );
}

function ClubTypeListRow({ type, today }: { type: ClubTypeRow; today: string }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="club-type-row">
      <th scope="row">
        <Link to={`/catalogue/club-types/${encodeURIComponent(type.id)}`}>{type.name}</Link> <RetiredChip closedOn={type.closedOn} today={today} />
      </th>
      <td>{type.description ?? <span className="muted">{t('catalogue.noDescription')}</span>}</td>
    </tr>
  );
}
