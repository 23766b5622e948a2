/** The language menu of the header (and of the sign-in page): English or French, remembered. */
import { LANGUAGES, useWords, type Lang } from '../i18n/i18n.js';

const NAMES: Readonly<Record<Lang, string>> = { en: 'English', fr: 'Français' };

export function LanguageSwitch({ onLang }: { onLang: (lang: Lang) => void }) {
  const w = useWords();
  return (
    <label class="lang-switch">
      <span class="sr-only">{w.ui.language}</span>
      <select
        data-testid="language"
        value={w.lang}
        onChange={(e) => onLang(e.currentTarget.value as Lang)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
