import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LocalNumberPipe } from '../../core/i18n/i18n-pipes';

/** Previous/next links for a paged list whose page lives in the URL (`?page=2`). */
@Component({
  selector: 'fd-pagination',
  imports: [RouterLink, TranslatePipe, LocalNumberPipe],
  template: `
    @if (pageCount() > 1) {
      <nav class="pagination" [attr.aria-label]="label() | translate">
        @if (page() > 1) {
          <a class="button button--secondary" [routerLink]="[]" [queryParams]="params(page() - 1)" queryParamsHandling="merge" rel="prev">
            <span aria-hidden="true">←</span> {{ 'pagination.previous' | translate }}
          </a>
        }
        <span class="pagination__position">{{ 'pagination.position' | translate: { page: (page() | fdNumber), count: (pageCount() | fdNumber) } }}</span>
        @if (page() < pageCount()) {
          <a class="button button--secondary" [routerLink]="[]" [queryParams]="params(page() + 1)" queryParamsHandling="merge" rel="next">
            {{ 'pagination.next' | translate }} <span aria-hidden="true">→</span>
          </a>
        }
      </nav>
    }
  `,
  styles: `
    .pagination {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 0.75rem 1rem;
      margin-top: 1.5rem;
    }

    .pagination__position {
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Pagination {
  readonly page = input.required<number>();
  readonly total = input.required<number>();
  readonly pageSize = input.required<number>();
  /** Translation key of the navigation's name. */
  readonly label = input('pagination.pages');

  protected readonly pageCount = computed(() => Math.max(1, Math.ceil(this.total() / this.pageSize())));

  /** Page 1 keeps the URL short. */
  protected params(page: number): { page: number | null } {
    return { page: page > 1 ? page : null };
  }
}

/** A page number from the URL, within the API's limits. */
export function parsePage(value: string | undefined, max = 100_000): number {
  const page = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(page)) return 1;
  return Math.min(max, Math.max(1, page));
}
