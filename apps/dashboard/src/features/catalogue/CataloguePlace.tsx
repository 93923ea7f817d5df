import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../app/i18n/format-date';
import { ConfirmQuestion } from '../../app/ui/ConfirmQuestion';
import { FormError } from '../../app/ui/FormError';

interface CataloguePlaceProps {
  /** Where the record's own texts are (`retire`, `confirmRetire`, `retiredText`, …). */
  texts: 'catalogue.clubTypes.detail' | 'programs.detail';
  record: { name: string; closedOn: string | null };
  /** `YYYY-MM-DD`: a record retiring on a later day is still current, and says when it leaves. */
  today: string;
  retire: () => Promise<unknown>;
  restore: () => Promise<unknown>;
  /** A refusal to retire the record explains in its own words (a club type whose clubs still run). */
  retireRefusal?: (error: unknown) => { title: string; explanation: string } | undefined;
}

/**
 * A club type's or program's place in the catalogue: retire it (nothing new of it can start; what
 * runs keeps running) or restore it, each after a question. Nothing is deleted.
 */
export function CataloguePlace({ texts, record, today, retire, restore, retireRefusal }: CataloguePlaceProps) {
  const { t } = useTranslation();
  const headingId = useId();
  // Which change is being asked about: once the answer arrives and the record flips, the question goes.
  const [confirming, setConfirming] = useState<'retire' | 'restore' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const change = record.closedOn ? 'restore' : 'retire';
  const ownWords = failure && change === 'retire' ? retireRefusal?.(failure) : undefined;

  async function confirm() {
    setFailure(null);
    setBusy(true);
    try {
      await (change === 'retire' ? retire() : restore());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('catalogue.placeHeading')}</h2>
      <p>
        {record.closedOn
          ? record.closedOn <= today
            ? t(`${texts}.retiredText`, { date: formatLongDate(record.closedOn, t) })
            : t(`${texts}.leavingText`, { date: formatLongDate(record.closedOn, t) })
          : t(`${texts}.currentText`)}
      </p>
      {failure ? <FormError title={ownWords?.title ?? t('catalogue.changeFailed')} error={failure} explanation={ownWords?.explanation} /> : null}
      {confirming === change ? (
        <ConfirmQuestion
          question={change === 'retire' ? t(`${texts}.confirmRetire`, { name: record.name }) : t(`${texts}.confirmRestore`, { name: record.name })}
          confirmLabel={change === 'retire' ? t('catalogue.retireConfirm') : t('catalogue.restoreConfirm')}
          danger={change === 'retire'}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <button type="button" className={change === 'retire' ? 'button-danger' : undefined} onClick={() => setConfirming(change)}>
          {change === 'retire' ? t(`${texts}.retire`) : t(`${texts}.restore`)}
        </button>
      )}
    </section>
  );
}
