import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, linkedSignal, output, signal } from '@angular/core';
import { form, FormField, max, min, minLength, required, submit, validate } from '@angular/forms/signals';
import { LIMITS, type IsoDate, type Milestone, type Problem, type UpdateMilestone } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';

interface MilestoneModel {
  title: string;
  description: string;
  dueDate: string;
  weight: number;
}

const toModel = (milestone: Milestone | null): MilestoneModel => ({
  title: milestone?.title ?? '',
  description: milestone?.description ?? '',
  dueDate: milestone?.dueDate ?? '',
  weight: milestone?.weight ?? 1,
});

/** Adds a milestone, or edits one in place. Emits the saved milestone, or null when cancelled. */
@Component({
  selector: 'fd-milestone-form',
  imports: [TranslatePipe, FormField, FieldAria, FieldErrors, CharCounter],
  templateUrl: './milestone-form.html',
  styles: `
    .milestone-form__warning {
      margin: 0.5rem 0 0;
      padding: 0.75rem 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneForm {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The milestone to edit; null adds a new one. */
  readonly milestone = input<Milestone | null>(null);
  /** The position a new milestone gets. */
  readonly nextPosition = input(0);
  readonly done = output<Milestone | null>();

  protected readonly idPrefix = computed(() => `milestone-${this.milestone()?.id ?? 'new'}`);
  protected readonly limits = LIMITS.milestoneWeight;
  protected readonly textLimits = { title: LIMITS.title.max, description: LIMITS.longText.max };

  /** What the user started from; a conflict moves it on to the version they have seen. */
  private readonly base = linkedSignal(() => this.milestone());
  private readonly model = linkedSignal(() => toModel(this.milestone()));
  protected readonly milestoneForm = form(this.model, (path) => {
    required(path.title, { message: () => this.i18n.t('validation.titleRequired') });
    minLength(path.title, LIMITS.title.min, {
      message: () => this.i18n.t('validation.minLength', { field: this.i18n.t('field.title'), min: LIMITS.title.min }),
    });
    maxChars(path.title, LIMITS.title.max, () => this.i18n.t('validation.maxLength', { field: this.i18n.t('field.title'), max: LIMITS.title.max }));
    maxChars(path.description, LIMITS.longText.max, () =>
      this.i18n.t('validation.maxLength', { field: this.i18n.t('field.description'), max: LIMITS.longText.max }),
    );
    const weightMessage = () => this.i18n.t('validation.weight', { min: LIMITS.milestoneWeight.min, max: LIMITS.milestoneWeight.max });
    min(path.weight, LIMITS.milestoneWeight.min, { message: weightMessage });
    max(path.weight, LIMITS.milestoneWeight.max, { message: weightMessage });
    validate(path.weight, ({ value }) => (Number.isInteger(value()) ? undefined : { kind: 'integer', message: weightMessage() }));
  });
  protected readonly failure = signal<Problem | null>(null);
  /** A due date after the initiative's target date: allowed, but worth a word. */
  protected readonly dueAfterTarget = computed(() => {
    const target = this.pageState.initiative()?.targetDate ?? null;
    return isDueAfterTarget(this.model().dueDate, target) ? this.i18n.t('deadEndsA.dueAfterTarget', { target: this.i18n.date(target) }) : '';
  });

  constructor() {
    inject(UnsavedChanges).track(() => JSON.stringify(this.model()) !== JSON.stringify(toModel(this.base())));
    afterNextRender(() => this.element.nativeElement.querySelector<HTMLElement>('input')?.focus());
  }

  protected cancel(): void {
    this.done.emit(null);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
    }
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(null);
    const f = this.milestoneForm;
    const fields = [f.title, f.description, f.dueDate, f.weight];
    await submit(f, {
      action: async () => {
        const value = this.model();
        const body = { title: value.title.trim(), description: value.description.trim(), dueDate: value.dueDate || null, weight: value.weight };
        try {
          const base = this.base();
          if (!base) {
            const initiative = this.pageState.initiative();
            if (!initiative) return undefined;
            const created = await firstValueFrom(this.api.createMilestone(initiative.id, { ...body, position: this.nextPosition() }));
            await this.pageState.refresh();
            this.done.emit(created);
            return undefined;
          }
          const changes = changedFields(base, body);
          if (Object.keys(changes).length === 0) {
            this.done.emit(base);
            return undefined;
          }
          const outcome = await this.pageState.saveMilestone(base, changes);
          if (outcome.kind === 'kept') {
            this.base.set(outcome.value);
            return undefined;
          }
          this.done.emit(outcome.value);
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(
            error,
            { title: f.title, description: f.description, dueDate: f.dueDate, weight: f.weight },
            (key, params) => this.i18n.t(key, params),
          );
          this.failure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }
}

function changedFields(base: Milestone, body: Required<Pick<UpdateMilestone, 'title' | 'description' | 'dueDate' | 'weight'>>): UpdateMilestone {
  const changes: UpdateMilestone = {};
  if (body.title !== base.title) changes.title = body.title;
  if (body.description !== base.description) changes.description = body.description;
  if (body.dueDate !== base.dueDate) changes.dueDate = body.dueDate;
  if (body.weight !== base.weight) changes.weight = body.weight;
  return changes;
}

/** True when a milestone's due date falls after the initiative's target date (both ISO dates). */
export function isDueAfterTarget(dueDate: IsoDate | '' | null, targetDate: IsoDate | null): boolean {
  return !!dueDate && !!targetDate && dueDate > targetDate;
}
