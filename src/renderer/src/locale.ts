import { useTranslation } from 'react-i18next';

const DEFAULT_REGION: Readonly<Record<string, string>> = { de: 'de-DE', en: 'en-GB' };

/**
 * The locale for Intl: the user's own locale (navigator.languages) when it is a variant of the UI language
 * (de-AT, en-US, ...), otherwise a default for the UI language. Keeps "1.234,56 €" next to German labels.
 */
export function formatLocaleFor(language: string, preferred: readonly string[]): string {
  const match = preferred.find(
    (l) => l.toLowerCase() === language || l.toLowerCase().startsWith(`${language}-`),
  );
  return match ?? DEFAULT_REGION[language] ?? language;
}

export function useFormatLocale(): string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return formatLocaleFor(language, typeof navigator === 'undefined' ? [] : navigator.languages);
}
