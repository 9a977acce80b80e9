import { formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, LOCALE_ID } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Previous/next links for a paged list whose page lives in the URL (`?page=2`). */
@Component({
  selector: 'fd-pagination',
  imports: [RouterLink],
  template: `
    @if (pageCount() > 1) {
      <nav class="pagination" [attr.aria-label]="label()">
        @if (page() > 1) {
          <a class="button button--secondary" [routerLink]="[]" [queryParams]="params(page() - 1)" queryParamsHandling="merge" rel="prev">
            <span aria-hidden="true">←</span> Forrige side
          </a>
        }
        <span class="pagination__position">Side {{ format(page()) }} af {{ format(pageCount()) }}</span>
        @if (page() < pageCount()) {
          <a class="button button--secondary" [routerLink]="[]" [queryParams]="params(page() + 1)" queryParamsHandling="merge" rel="next">
            Næste side <span aria-hidden="true">→</span>
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
  private readonly locale = inject(LOCALE_ID);

  readonly page = input.required<number>();
  readonly total = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly label = input('Sider');

  protected readonly pageCount = computed(() => Math.max(1, Math.ceil(this.total() / this.pageSize())));

  /** Page 1 keeps the URL short. */
  protected params(page: number): { page: number | null } {
    return { page: page > 1 ? page : null };
  }

  protected format(value: number): string {
    return formatNumber(value, this.locale, '1.0-0');
  }
}

/** A page number from the URL, within the API's limits. */
export function parsePage(value: string | undefined, max = 100_000): number {
  const page = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(page)) return 1;
  return Math.min(max, Math.max(1, page));
}
