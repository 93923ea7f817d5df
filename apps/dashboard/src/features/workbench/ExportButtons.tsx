import { ERROR_CODES, type ErrorCode } from '@mrc/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n/i18n';
import { useSession } from '../auth/session-context';
import { downloadExport, ExportError, type ExportFormat } from './export-file';

type ExportStatus = { state: 'idle' } | { state: 'busy'; format: ExportFormat } | { state: 'done'; fileName: string } | { state: 'failed'; message: string };

/**
 * "Download CSV" and "Download XLSX" for a query and its variables: the API makes the file from the
 * same query, under the same permissions and with the same small numbers withheld as on screen.
 */
export function ExportButtons({ query, variables, disabled = false }: { query: string; variables?: Record<string, unknown> | undefined; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { store } = useSession();
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle' });

  const download = async (format: ExportFormat) => {
    setStatus({ state: 'busy', format });
    try {
      const fileName = await downloadExport({ format, query, variables }, { session: store, language: currentLanguage(i18n) });
      setStatus({ state: 'done', fileName });
    } catch (error) {
      const message =
        error instanceof ExportError
          ? error.message || t(`errors.${isKnownCode(error.code) ? error.code : 'INTERNAL_SERVER_ERROR'}`)
          : // fetch itself failed: offline, or the server is down.
            t('errors.NETWORK');
      setStatus({ state: 'failed', message });
    }
  };

  const busy = status.state === 'busy';
  return (
    <div className="export-buttons">
      <div className="form-actions">
        {(['csv', 'xlsx'] as const).map((format) => (
          <button key={format} type="button" className="button-secondary" disabled={disabled || busy} onClick={() => void download(format)}>
            {busy && status.format === format ? t('exports.preparing') : t(`exports.download.${format}`)}
          </button>
        ))}
      </div>
      <p role="status" className="field-hint" data-testid="export-status">
        {status.state === 'done' ? t('exports.done', { fileName: status.fileName }) : null}
      </p>
      {status.state === 'failed' ? (
        <div className="error-state" role="alert" data-testid="export-error">
          <p className="error-state-title">{t('exports.failed')}</p>
          <p>{status.message}</p>
        </div>
      ) : null}
    </div>
  );
}

function isKnownCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
