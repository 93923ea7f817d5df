import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ProgramsList } from '../programs/ProgramsList';
import { ClubTypesList } from './ClubTypesList';
import './catalogue.css';

export type CatalogueSection = 'club-types' | 'programs';

/**
 * The region's catalogue, open to every role: club types at /catalogue and programs at
 * /catalogue/programs, each section with its own address and filters in the URL.
 */
export default function CataloguePage({ section }: { section: CatalogueSection }) {
  const { t } = useTranslation();
  const sectionTitle = section === 'programs' ? t('programs.title') : t('catalogue.clubTypes.title');
  useDocumentTitle(t('catalogue.documentTitle', { section: sectionTitle }));
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="page-intro">{t('catalogue.intro')}</p>
      <nav className="section-tabs" aria-label={t('catalogue.sectionsLabel')}>
        <ul>
          <li>
            <NavLink to="/catalogue" end>
              {t('catalogue.clubTypes.title')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/catalogue/programs">{t('programs.title')}</NavLink>
          </li>
        </ul>
      </nav>
      {section === 'programs' ? <ProgramsList /> : <ClubTypesList />}
    </>
  );
}
