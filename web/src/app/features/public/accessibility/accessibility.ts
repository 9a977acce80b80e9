import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { PubTextPipe } from '../data/pub-text';
import { PublicSite } from '../data/public-site';
import { usePublicTexts } from '../data/public-texts';

/** The settings that fill the built-in statement's placeholders (named on the page until they are set). */
export const ACCESSIBILITY_SETTINGS = {
  preparedOn: 'ACCESSIBILITY_STATEMENT_DATE',
  responsible: 'ACCESSIBILITY_CONTACT_UNIT',
  email: 'ACCESSIBILITY_CONTACT_EMAIL',
  phone: 'ACCESSIBILITY_CONTACT_PHONE',
} as const;

/**
 * The tilgængelighedserklæring. When the municipality has published its statement in
 * Digitaliseringsstyrelsen's WAS-Tool (ACCESSIBILITY_STATEMENT_URL), this page points there;
 * otherwise it is the built-in statement in the usual Danish form, filled in from the settings.
 */
@Component({
  selector: 'fd-public-accessibility',
  imports: [PubTextPipe],
  templateUrl: './accessibility.html',
  styleUrl: '../public-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Accessibility {
  protected readonly i18n = inject(I18n);
  protected readonly enforcementUrl = 'https://www.was.digst.dk/';
  protected readonly settings = ACCESSIBILITY_SETTINGS;
  private readonly site = inject(PublicSite);
  protected readonly settled = this.site.settled;
  protected readonly statementUrl = computed(() => this.site.info()?.accessibilityStatementUrl ?? null);
  protected readonly details = computed(() => this.site.info()?.accessibility ?? { preparedOn: null, responsible: null, email: null, phone: null });

  constructor() {
    usePublicTexts();
  }

  protected list(value: unknown): string[] {
    return Array.isArray(value) ? value.map(String) : [];
  }
}
