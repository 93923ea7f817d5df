import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canReadAllReports, canReviewReports } from '../auth/permissions';
import { useSession } from '../auth/session-context';

/** The report pages the person's role has, as a second row of navigation. */
export function ReportsTabs() {
  const { t } = useTranslation();
  const { user, ability } = useSession();
  const tabs: Array<[string, string]> = [];
  if (user?.role === 'DISTRICT_COORDINATOR') tabs.push(['/reports', t('reports.tabs.mine')]);
  if (canReviewReports(ability)) tabs.push(['/reports/review', t('reports.tabs.review')]);
  if (canReadAllReports(ability)) tabs.push(['/reports/completeness', t('reports.tabs.completeness')]);
  if (tabs.length < 2) return null;
  return (
    <nav aria-label={t('reports.tabs.label')}>
      <ul className="report-tabs">
        {tabs.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
