import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'grunnmur.language';

type Messages = Record<string, unknown>;

/** Every area keeps its strings in `web/src/<area>/locales/<lang>.json`; the area is the namespace. */
const files = import.meta.glob<Messages>('/src/*/locales/*.json', { eager: true, import: 'default' });

function collectResources(): Record<Language, Record<string, Messages>> {
  const resources: Record<Language, Record<string, Messages>> = { nb: {}, en: {} };
  for (const [path, messages] of Object.entries(files)) {
    const match = /\/src\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, namespace, language] = match as unknown as [string, string, string];
    if ((languages as readonly string[]).includes(language)) resources[language as Language][namespace] = messages;
  }
  return resources;
}

function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage can be blocked; bokmål is the default anyway.
  }
  return 'nb';
}

const resources = collectResources();

void i18next.use(initReactI18next).init({
  resources,
  lng: rememberedLanguage(),
  fallbackLng: 'nb',
  ns: Object.keys(resources.nb),
  defaultNS: 'app',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18next.language;
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered then; nothing else breaks.
  }
});

export default i18next;
