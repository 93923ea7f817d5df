import { useTranslation } from 'react-i18next';

/** Active or deactivated, in words (with a mark for a quick scan, never colour alone). */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={active ? 'badge badge-active' : 'badge badge-inactive'}>
      <span aria-hidden="true">{active ? '●' : '○'}</span> {active ? t('users.status.active') : t('users.status.inactive')}
    </span>
  );
}
