import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { failureCode } from '../../app/apollo/error-code';
import { forgetReportLists, rememberReport } from './report-cache';
import type { ReportFiguresInput } from './report-form';
import { CreateReportMutation, UpdateReportMutation } from './reports-documents';

/** A saved report as the next edit must name it: the API refuses an edit on a stale version. */
export interface SavedReport {
  id: string;
  version: number;
}

export type AutosaveStatus =
  | { kind: 'idle' }
  /** Changes typed, to be sent once typing pauses, or being sent. */
  | { kind: 'saving' }
  /** `withheld`: fields left out of the save until their problem is corrected. */
  | { kind: 'saved'; at: Date; withheld: number }
  | { kind: 'failed'; error: unknown };

interface Change {
  input: ReportFiguresInput;
  withheld: number;
}

interface AutosaveOptions {
  centreId: string;
  period: string;
  /** The report as loaded; null until the first save creates it. */
  report: SavedReport | null;
  /** The report changed elsewhere (CONFLICT): nothing more is saved; the page loads it again. */
  onConflict: () => void;
  /** How long typing must pause before a save. */
  delayMs?: number;
}

/** How long the form waits after the last keystroke: a save per pause, not per key, on a slow line. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves a draft as the coordinator types: once typing pauses, the figures go to createReport the
 * first time and to updateReport with the version of the last save after that. One save at a time;
 * what is typed meanwhile goes in the next. A failed save is kept and tried again with the next change
 * (or `flush`); a CONFLICT stops saving, since the report changed elsewhere and must be reloaded.
 */
export function useReportAutosave({ centreId, period, report, onConflict, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions) {
  const [createReport] = useMutation(CreateReportMutation);
  const [updateReport] = useMutation(UpdateReportMutation);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const saved = useRef<SavedReport | null>(report);
  const queued = useRef<Change | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Set by a conflict, or while a submission carries the figures instead. */
  const stopped = useRef(false);
  const conflicted = useRef(false);
  const latest = useRef({ centreId, period, onConflict });
  useEffect(() => {
    latest.current = { centreId, period, onConflict };
  });

  const send = useCallback(
    async (change: Change) => {
      setStatus({ kind: 'saving' });
      const { centreId: centre, period: when } = latest.current;
      try {
        let answer;
        if (saved.current) {
          const { data } = await updateReport({ variables: { input: { ...change.input, id: saved.current.id, version: saved.current.version } } });
          answer = data?.updateReport.report;
        } else {
          const { data } = await createReport({
            variables: { input: { ...change.input, centreId: centre, period: when } },
            update: (cache, result) => {
              const created = result.data?.createReport.report;
              if (!created) return;
              rememberReport(cache, centre, when, created);
              forgetReportLists(cache);
            },
          });
          answer = data?.createReport.report;
        }
        if (!answer) throw new Error('The API answered a report save without the report.');
        saved.current = { id: answer.id, version: answer.version };
        setStatus(queued.current ? { kind: 'saving' } : { kind: 'saved', at: new Date(), withheld: change.withheld });
      } catch (error) {
        if (failureCode(error) === 'CONFLICT') {
          stopped.current = true;
          conflicted.current = true;
          queued.current = null;
          setStatus({ kind: 'idle' });
          latest.current.onConflict();
          return;
        }
        // Kept for the next try, unless newer figures are already waiting.
        queued.current ??= change;
        setStatus({ kind: 'failed', error });
      }
    },
    [createReport, updateReport],
  );

  /** Sends what is waiting now, after any save on its way. */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    while (running.current) await running.current;
    const change = queued.current;
    if (!change || stopped.current) return;
    queued.current = null;
    const attempt = send(change);
    running.current = attempt;
    try {
      await attempt;
    } finally {
      running.current = null;
    }
  }, [send]);

  /** The figures changed: save them once typing pauses. */
  const schedule = useCallback(
    (change: Change) => {
      if (stopped.current) return;
      queued.current = change;
      setStatus({ kind: 'saving' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /**
   * Before a submission, which carries every figure itself: stops saving, waits for a save on its
   * way, and gives the version to submit on (null when no draft exists; undefined after a conflict).
   */
  const hold = useCallback(async (): Promise<SavedReport | null | undefined> => {
    stopped.current = true;
    clearTimeout(timer.current);
    queued.current = null;
    while (running.current) await running.current;
    return conflicted.current ? undefined : saved.current;
  }, []);

  /** After a submission failed: saving goes on. */
  const resume = useCallback(() => {
    if (!conflicted.current) stopped.current = false;
  }, []);

  // Leaving the page (or the form) with changes not yet sent: send them rather than lose them.
  useEffect(
    () => () => {
      if (queued.current && !stopped.current) void flush();
    },
    [flush],
  );

  return { status, schedule, flush, hold, resume };
}
