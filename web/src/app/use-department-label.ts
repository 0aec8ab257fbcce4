import { useTranslation } from 'react-i18next';

/** Turns a department code from `User.department` into its localised name; unknown codes pass through. */
export function useDepartmentLabel(): (department: string | null) => string | null {
  const { t } = useTranslation();
  const names = t('departments', { returnObjects: true });
  return (department) => {
    if (department === null) return null;
    return Object.hasOwn(names, department) ? names[department as keyof typeof names] : department;
  };
}
