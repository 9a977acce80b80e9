import { TestBed } from '@angular/core/testing';
import { provideTranslateLoader, provideTranslateService, TranslateLoader, TranslateService, type TranslationObject } from '@ngx-translate/core';
import { firstValueFrom, Subject, type Observable } from 'rxjs';
import { registerTexts, type FeatureTexts } from './register-texts';

/** A loader whose files arrive when the test says so. */
class SlowLoader implements TranslateLoader {
  static readonly pending: Record<string, Subject<TranslationObject>> = {};
  getTranslation(language: string): Observable<TranslationObject> {
    SlowLoader.pending[language] = new Subject<TranslationObject>();
    return SlowLoader.pending[language];
  }
}

const appTexts: Record<string, TranslationObject> = {
  da: { common: { yes: 'Ja' } },
  en: { common: { yes: 'Yes' } },
};
const featureTexts: FeatureTexts = { da: { feature: { hello: 'Hej' } }, en: { feature: { hello: 'Hello' } } };

function arrive(language: string): void {
  SlowLoader.pending[language].next(appTexts[language]);
  SlowLoader.pending[language].complete();
}

function setup(): TranslateService {
  TestBed.configureTestingModule({ providers: [provideTranslateService({ loader: provideTranslateLoader(SlowLoader) })] });
  const translate = TestBed.inject(TranslateService);
  translate.use('da');
  arrive('da');
  return translate;
}

describe('registerTexts', () => {
  it('merges into a loaded language at once, keeping its own texts', () => {
    const translate = setup();
    registerTexts(translate, featureTexts);
    expect(translate.instant('feature.hello')).toBe('Hej');
    expect(translate.instant('common.yes')).toBe('Ja');
  });

  it('waits for a language that is not loaded yet, so that its own file still loads', async () => {
    const translate = setup();
    registerTexts(translate, featureTexts);
    expect(translate.getTranslations('en')).toBeUndefined();

    const switching = firstValueFrom(translate.use('en'));
    arrive('en');
    await switching;

    expect(translate.instant('common.yes')).toBe('Yes');
    expect(translate.instant('feature.hello')).toBe('Hello');
  });

  it('registers the same texts only once', () => {
    const translate = setup();
    const merge = jest.spyOn(translate, 'setTranslation');
    registerTexts(translate, featureTexts);
    registerTexts(translate, featureTexts);
    expect(merge).toHaveBeenCalledTimes(1);
  });
});
