import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Names } from '../../api/credit';

/** Picks the current language's half of a `{ zh, en }` name the server sent; stable until the language changes. */
export function useNameOf(): (names: Names) => string {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return useCallback((names: Names) => (english ? names.en : names.zh), [english]);
}
