import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, model, output } from '@angular/core';
import type { FormValueControl, ValidationError } from '@angular/forms/signals';
import type { DepartmentRef } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../core/i18n/i18n';

/**
 * Check boxes for choosing departments (a lead's departments, an initiative's participating
 * ones); a signal-forms control whose value is the chosen department ids. A group of check boxes in a fieldset reads better with a
 * screen reader, and on a phone, than a multiple-select list.
 */
@Component({
  selector: 'fd-department-picker',
  imports: [TranslatePipe],
  template: `
    <fieldset [attr.aria-describedby]="describedBy()">
      <legend>{{ legend() || ('users.departments' | translate) }}</legend>
      @if (hint()) {
        <p class="field-hint" [id]="controlId() + '-hint'">{{ hint() }}</p>
      }
      @if (showError()) {
        <p class="field-error" [id]="controlId() + '-error'">
          <span class="visually-hidden">{{ 'common.errorPrefix' | translate }}</span>
          @for (message of messages(); track $index) {
            <span>{{ message }}</span>
          }
        </p>
      }
      @for (department of departments(); track department.id) {
        <label class="checkbox">
          <input
            type="checkbox"
            [checked]="value().includes(department.id)"
            [disabled]="disabled()"
            (change)="toggle(department.id, $any($event.target).checked)"
            (blur)="touch.emit()"
          />
          <span>{{ department.name }} ({{ department.code }})</span>
        </label>
      } @empty {
        <p class="meta">{{ emptyText() || ('users.departmentsFailed' | translate) }}</p>
      }
    </fieldset>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentPicker implements FormValueControl<string[]> {
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly i18n = inject(I18n);

  readonly value = model<string[]>([]);
  readonly departments = input<readonly DepartmentRef[]>([]);
  readonly controlId = input.required<string>();
  /** Translated texts; the legend defaults to "Afdelinger". */
  readonly legend = input('');
  readonly hint = input('');
  /** Said when there are no departments to choose. */
  readonly emptyText = input('');

  // Bound by the [formField] directive.
  readonly errors = input<readonly ValidationError.WithOptionalFieldTree[]>([]);
  readonly touched = input(false);
  readonly disabled = input(false);
  readonly touch = output<void>();

  protected readonly messages = computed(() => [...new Set(this.errors().map((e) => e.message ?? this.i18n.t('users.chooseDepartments')))]);
  protected readonly showError = computed(() => this.touched() && this.messages().length > 0);
  protected readonly describedBy = computed(() => {
    const ids = [this.hint() ? `${this.controlId()}-hint` : '', this.showError() ? `${this.controlId()}-error` : ''];
    return ids.filter(Boolean).join(' ') || null;
  });

  /** Focus goes to the first check box, so that the error is read out with the group. */
  focus(options?: FocusOptions): void {
    this.element.nativeElement.querySelector<HTMLInputElement>('input')?.focus(options);
  }

  protected toggle(id: string, checked: boolean): void {
    this.value.update((ids) => (checked ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
    this.touch.emit();
  }
}
