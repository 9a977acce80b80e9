import type { TranslateService, TranslationObject } from '@ngx-translate/core';
import { isLanguage, LANGUAGES, type Language } from './i18n';

/** A feature's texts in both languages, each a tree of translations to merge into the app's. */
export type FeatureTexts = Readonly<Record<Language, TranslationObject>>;

const registered = new WeakMap<TranslateService, Set<FeatureTexts>>();

/** Whether every text of `texts` is in `loaded` (same keys, deep). */
function containsAll(loaded: unknown, texts: unknown): boolean {
  if (typeof texts !== 'object' || texts === null) return loaded !== undefined;
  if (typeof loaded !== 'object' || loaded === null) return false;
  return Object.entries(texts).every(([key, value]) => containsAll((loaded as Record<string, unknown>)[key], value));
}

/**
 * Merges a feature's texts into the app's translations, in both languages, so that the shared
 * translation files need not know the feature. A language that is loaded already gets them at
 * once; one that is not (English, until someone switches) gets them as soon as its own file has
 * arrived. Merging into a language before it is loaded would go wrong both ways: ngx-translate
 * would take the language for loaded and never fetch the rest of it, and a load in flight would
 * replace the merged texts when it lands.
 */
export function registerTexts(translate: TranslateService, texts: FeatureTexts): void {
  const done = registered.get(translate) ?? new Set<FeatureTexts>();
  if (done.has(texts)) return;
  done.add(texts);
  registered.set(translate, done);

  const mergeIfMissing = (language: Language) => {
    const loaded: unknown = translate.getTranslations(language);
    if (loaded !== undefined && !containsAll(loaded, texts[language])) translate.setTranslation(language, texts[language], true);
  };
  for (const language of LANGUAGES) mergeIfMissing(language);
  // Lives as long as the app's TranslateService: a language loaded (or reloaded) later gets the texts too.
  translate.onTranslationChange.subscribe(({ lang }) => {
    if (isLanguage(lang)) mergeIfMissing(lang);
  });
}
