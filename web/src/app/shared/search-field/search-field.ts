import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { LIMITS } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The free-text search of a list's filter form: a labelled search box and its button. The draft
 * is the parent's (two-way `draft`); the parent's form applies it on submit.
 */
@Component({
  selector: 'fd-search-field',
  imports: [TranslatePipe],
  template: `
    <div class="filters__field filters__field--grow">
      <label [for]="controlId()">{{ label() | translate }}</label>
      <div class="filters__search">
        <input
          [id]="controlId()"
          type="search"
          #searchInput
          [value]="draft()"
          (input)="draft.set(searchInput.value)"
          [attr.maxlength]="maxLength"
          autocomplete="off"
          enterkeyhint="search"
        />
        <button type="submit" class="button">{{ 'common.search' | translate }}</button>
      </div>
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .filters__field--grow {
      flex: 2 1 18rem;
    }
    .filters__search {
      display: flex;
      gap: 0.5rem;
    }
    .filters__search input {
      flex: 1;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchField {
  readonly controlId = input.required<string>();
  /** Translation key of the label. */
  readonly label = input('common.search');
  readonly draft = model.required<string>();
  protected readonly maxLength = LIMITS.searchText.max;
}
