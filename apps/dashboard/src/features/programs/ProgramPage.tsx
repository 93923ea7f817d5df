import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Notice } from '../../app/ui/Notice';
import type { ProgramQuery as ProgramResult } from '../../gql/graphql';
import { useSession } from '../auth/session-context';
import { canEditPrograms } from '../catalogue/catalogue-permissions';
import { CataloguePlace } from '../catalogue/CataloguePlace';
import { forgetCatalogueLists } from '../catalogue/forget-catalogue';
import { recordNotice } from '../catalogue/record-notice';
import { RetiredChip } from '../catalogue/RetiredChip';
import { localIsoDate } from '../centres/centre-network';
import { durationText, eligibilityLines } from './eligibility';
import { ProgramRuns } from './ProgramRuns';
import { ProgramState } from './ProgramState';
import { CloseProgramMutation, ProgramQuery, ReopenProgramMutation } from './programs-documents';
import '../catalogue/catalogue.css';

type Program = ProgramResult['program'];

/** One program: who may take part, partners, mentors, where it runs, and what the person may change. */
export default function ProgramPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(ProgramQuery, { variables: { id: programId } });
  const program = data?.program;
  useDocumentTitle(program?.name ?? t('programs.detail.title'));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/catalogue/programs">{t('programs.backToList')}</Link>
      </p>
      {program ? null : <h1>{t('programs.detail.title')}</h1>}
      <ProgramState program={program} error={error} loading={loading} refetch={refetch}>
        {(found) => <ProgramSections program={found} />}
      </ProgramState>
    </>
  );
}

function ProgramSections({ program }: { program: Program }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const notice = recordNotice(useLocation().state);
  const canEdit = canEditPrograms(ability);
  const today = localIsoDate();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="centre-kind">{t(`enums.programKind.${program.kind}`)}</p>
          <h1>{program.name}</h1>
        </div>
        <div className="row-actions">
          <RetiredChip closedOn={program.closedOn} today={today} />
          {canEdit ? (
            <Link className="button-link" to={`/catalogue/programs/${encodeURIComponent(program.id)}/edit`}>
              {t('programs.detail.edit')}
            </Link>
          ) : null}
        </div>
      </div>
      {notice.created ? <Notice>{t('programs.created', { name: notice.created })}</Notice> : null}
      {notice.saved ? <Notice>{t('form.saved')}</Notice> : null}
      {program.description ? <p className="description">{program.description}</p> : <p className="muted">{t('catalogue.noDescription')}</p>}

      <section className="panel" aria-labelledby="program-eligibility-heading">
        <h2 id="program-eligibility-heading">{t('programs.detail.eligibilityHeading')}</h2>
        <ul className="plain-list" data-testid="eligibility">
          {eligibilityLines(program, t).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <dl className="facts">
          <dt>{t('programs.detail.duration')}</dt>
          <dd>{durationText(program.durationWeeks, t)}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="program-partners-heading">
        <h2 id="program-partners-heading">{t('programs.detail.partnersHeading')}</h2>
        {program.partners.length === 0 ? (
          <p className="muted">{canEdit ? t('programs.detail.noPartnersAdmin') : t('programs.detail.noPartners')}</p>
        ) : (
          <ul className="plain-list">
            {program.partners.map((partner, index) => (
              // Partners have no id of their own; their order is what the administrator set.
              <li key={index}>{partner.name}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="program-mentors-heading">
        <h2 id="program-mentors-heading">{t('programs.detail.mentorsHeading')}</h2>
        {program.mentors.length === 0 ? (
          <p className="muted">{canEdit ? t('programs.detail.noMentorsAdmin') : t('programs.detail.noMentors')}</p>
        ) : (
          <ul className="plain-list">
            {program.mentors.map((mentor, index) => (
              <li key={index}>
                <strong>{mentor.fullName}</strong>
                {mentor.expertise ? ` — ${mentor.expertise}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ProgramRuns program={program} runs={program.runs} />
      {canEdit ? <ProgramPlace program={program} today={today} /> : null}
    </>
  );
}

/** Retiring a program stops new runs; those planned already stay. */
function ProgramPlace({ program, today }: { program: Program; today: string }) {
  const [close] = useMutation(CloseProgramMutation, { update: forgetCatalogueLists });
  const [reopen] = useMutation(ReopenProgramMutation, { update: forgetCatalogueLists });
  const variables = { input: { id: program.id } };
  return (
    <CataloguePlace
      texts="programs.detail"
      record={program}
      today={today}
      retire={() => close({ variables })}
      restore={() => reopen({ variables })}
    />
  );
}
