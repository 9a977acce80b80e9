import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { PublicSite } from '../data/public-site';
import { PUBLIC_SHELL_KEYS } from '../texts/shell-texts';

/**
 * The footer's link to the accessibility statement: the municipality's in the WAS-Tool when it is
 * configured, else the built-in page. Small enough for the app shell (which registers its text).
 */
@Component({
  selector: 'fd-accessibility-link',
  imports: [RouterLink, TranslatePipe],
  template: `@if (statementUrl(); as url) {
      <a [href]="url">{{ label | translate }}</a>
    } @else {
      <a routerLink="/tilgaengelighed">{{ label | translate }}</a>
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessibilityLink {
  protected readonly label = PUBLIC_SHELL_KEYS.accessibility;
  private readonly site = inject(PublicSite);
  protected readonly statementUrl = computed(() => this.site.info()?.accessibilityStatementUrl ?? null);
}
