import { inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { registerTexts } from '../../../core/i18n/register-texts';
import { publicTexts } from '../texts/public-texts';

/** Call in a public page's constructor (injection context): merges the feature's texts once. */
export function usePublicTexts(): void {
  registerTexts(inject(TranslateService), publicTexts);
}
