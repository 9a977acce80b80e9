import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * What a paged, filtered list says when a page has no rows: the page lies beyond the end (a link
 * back to the first page, filters kept), nothing matches the filters (a way to clear them), or
 * there is nothing yet (the list's own call to action, projected).
 */
@Component({
  selector: 'fd-empty-list',
  imports: [RouterLink, TranslatePipe],
  template: `
    <div class="notice notice--empty">
      @if (total() > 0) {
        <h3 class="notice__title">{{ 'common.emptyPage' | translate }}</h3>
        <p>{{ pageTooFar() }}</p>
        <a class="button button--secondary" [routerLink]="[]" [queryParams]="{ page: null }" queryParamsHandling="merge">
          {{ 'common.goToFirstPage' | translate }}
        </a>
      } @else if (filtered()) {
        <h3 class="notice__title">{{ keys() + '.noneMatch' | translate }}</h3>
        <p>{{ keys() + '.noneMatchText' | translate }}</p>
        <button type="button" class="button button--secondary" (click)="clearFilters.emit()">{{ 'common.clearFilters' | translate }}</button>
      } @else {
        <h3 class="notice__title">{{ keys() + '.noneYet' | translate }}</h3>
        <p>{{ keys() + '.noneYetText' | translate }}</p>
        <ng-content />
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyList {
  /** The list's translation section: its `noneMatch`, `noneMatchText`, `noneYet` and `noneYetText`. */
  readonly keys = input.required<string>();
  /** How many rows the whole list has, across pages. */
  readonly total = input.required<number>();
  readonly filtered = input.required<boolean>();
  /** Why the page is empty although the list is not, in the user's language. */
  readonly pageTooFar = input.required<string>();
  readonly clearFilters = output();
}
