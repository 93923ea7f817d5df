import { useMutation } from '@apollo/client/react';
import { RETURN_COMMENT_MAX_LENGTH, type ReportAction } from '@mrc/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureCode } from '../../app/apollo/error-code';
import { fieldErrors } from '../../app/apollo/error-details';
import { Field } from '../../app/ui/Field';
import { hasProblems, inFields, splitProblems, type FieldProblems } from '../../app/ui/field-problems';
import { FormError } from '../../app/ui/FormError';
import type { ReportFieldsFragment } from '../../gql/graphql';
import { forgetReportLists } from './report-cache';
import { ApproveReportMutation, ReopenReportMutation, ReturnReportMutation } from './reports-documents';

export type ReviewAction = Extract<ReportAction, 'APPROVE' | 'RETURN' | 'REOPEN'>;

interface ReviewPanelProps {
  report: ReportFieldsFragment;
  /** The report changed since it was loaded (CONFLICT): the page loads it again and says so. */
  onConflict: () => void;
  onReviewed: (action: ReviewAction) => void;
}

/**
 * The region's review of a report: approve a submitted one, or send it back with a comment saying
 * what to fix; reopen an approved one, with a comment too. Each names the version reviewed, so a
 * report changed meanwhile is never approved unseen.
 */
export function ReviewPanel({ report, onConflict, onReviewed }: ReviewPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [asking, setAsking] = useState<'RETURN' | 'REOPEN' | null>(null);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ error: unknown; action: ReviewAction } | null>(null);
  const [busy, setBusy] = useState(false);
  const update = { update: forgetReportLists };
  const [approveReport] = useMutation(ApproveReportMutation, update);
  const [returnReport] = useMutation(ReturnReportMutation, update);
  const [reopenReport] = useMutation(ReopenReportMutation, update);
  const can = (action: ReviewAction) => report.allowedActions.includes(action);
  if (!can('APPROVE') && !can('RETURN') && !can('REOPEN')) return null;

  async function run(action: ReviewAction) {
    setFailure(null);
    setBusy(true);
    try {
      const base = { id: report.id, version: report.version };
      if (action === 'APPROVE') await approveReport({ variables: { input: base } });
      else if (action === 'RETURN') await returnReport({ variables: { input: { ...base, comment: comment.trim() } } });
      else await reopenReport({ variables: { input: { ...base, comment: comment.trim() } } });
      setAsking(null);
      setComment('');
      setProblems({});
      onReviewed(action);
    } catch (error) {
      if (failureCode(error) === 'CONFLICT') {
        setAsking(null);
        onConflict();
        return;
      }
      setProblems(fieldErrors(error));
      setFailure({ error, action });
    } finally {
      setBusy(false);
    }
  }

  function submitComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!asking) return;
    if (comment.trim() === '') {
      setProblems({ comment: t('reports.review.commentRequired') });
      return;
    }
    void run(asking);
  }

  const { atFields, elsewhere } = splitProblems(problems, inFields(['comment']));
  return (
    <section className="panel review-panel" aria-labelledby={headingId} data-testid="review-panel">
      <h2 id={headingId}>{t('reports.review.heading')}</h2>
      {failure ? <FormError title={t(`reports.review.failed.${failure.action}`)} error={failure.error} atFields={hasProblems(atFields)} elsewhere={elsewhere} /> : null}
      {asking ? (
        <form className="confirm form" noValidate onSubmit={submitComment} aria-busy={busy}>
          <p>{t(`reports.review.question.${asking}`)}</p>
          <Field label={t('reports.review.comment')} hint={t('reports.review.commentHint', { max: RETURN_COMMENT_MAX_LENGTH })} error={atFields['comment']}>
            {(control) => (
              <textarea
                {...control}
                name="comment"
                rows={4}
                autoFocus
                required
                maxLength={RETURN_COMMENT_MAX_LENGTH}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-danger" disabled={busy}>
              {busy ? t('form.saving') : t(`reports.review.confirm.${asking}`)}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => {
                setAsking(null);
                setProblems({});
              }}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {can('APPROVE') ? (
            <button type="button" disabled={busy} onClick={() => void run('APPROVE')}>
              {busy ? t('form.saving') : t('reports.review.approve')}
            </button>
          ) : null}
          {can('RETURN') ? (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setAsking('RETURN')}>
              {t('reports.review.return')}
            </button>
          ) : null}
          {can('REOPEN') ? (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setAsking('REOPEN')}>
              {t('reports.review.reopen')}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
