import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, model, output } from '@angular/core';
import type { FormValueControl, ValidationError } from '@angular/forms/signals';
import type { Department } from '@fremdrift/contracts';

/**
 * Check boxes for the departments a department lead answers for; a signal-forms control whose
 * value is the chosen department ids. A group of check boxes in a fieldset reads better with a
 * screen reader, and on a phone, than a multiple-select list.
 */
@Component({
  selector: 'fd-department-picker',
  template: `
    <fieldset [attr.aria-describedby]="describedBy()">
      <legend>{{ legend() }}</legend>
      @if (hint()) {
        <p class="field-hint" [id]="controlId() + '-hint'">{{ hint() }}</p>
      }
      @if (showError()) {
        <p class="field-error" [id]="controlId() + '-error'">
          <span class="visually-hidden">Fejl: </span>
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
        <p class="meta">Afdelingerne kunne ikke hentes.</p>
      }
    </fieldset>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentPicker implements FormValueControl<string[]> {
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly value = model<string[]>([]);
  readonly departments = input<readonly Department[]>([]);
  readonly controlId = input.required<string>();
  readonly legend = input('Afdelinger');
  readonly hint = input('');

  // Bound by the [formField] directive.
  readonly errors = input<readonly ValidationError.WithOptionalFieldTree[]>([]);
  readonly touched = input(false);
  readonly disabled = input(false);
  readonly touch = output<void>();

  protected readonly messages = computed(() => [...new Set(this.errors().map((e) => e.message ?? 'Vælg afdelinger.'))]);
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
