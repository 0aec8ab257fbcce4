import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartmentLabel } from '../../app/use-department-label';

/** Names of divisions (the four cities, Quzhou's counties) and offices (`<division>/<department>`). */
export function useServicesNames() {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const division = useCallback(
    (code: string) => t(`services.divisions.${code}` as 'services.divisions.330800', { defaultValue: code }),
    [t],
  );
  const office = useCallback(
    (value: string | null) => {
      if (!value) return null;
      const [code = '', department = ''] = value.split('/');
      return `${division(code)} · ${departmentLabel(department) ?? department}`;
    },
    [division, departmentLabel],
  );
  return { division, office, department: departmentLabel };
}
