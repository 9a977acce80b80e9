import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit } from '@angular/forms/signals';
import type { Initiative, Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { DepartmentPicker } from '../../../shared/department-picker/department-picker';
import { InitiativePageState } from '../initiative-page/initiative-page-state';

const idsOf = (initiative: Initiative | null) => (initiative?.participatingDepartments ?? []).map((d) => d.id);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** The departments taking part besides the lead department; those who edit the initiative change them. */
@Component({
  selector: 'fd-participating-departments',
  imports: [TranslatePipe, FormField, DepartmentPicker],
  template: `
    <p class="intro">{{ 'departments.intro' | translate }}</p>
    @if (canEdit()) {
      <form class="form" novalidate (submit)="save($event)">
        @if (failure(); as failure) {
          <div class="notice notice--error" role="alert">
            <p>
              <strong>{{ 'departments.failed' | translate }}</strong> {{ failure.title }}
            </p>
          </div>
        }
        <fd-department-picker
          [formField]="departmentsForm.ids"
          [departments]="choices()"
          controlId="participating-departments"
          [legend]="'departments.legend' | translate"
        />
        <div class="form-actions">
          <button type="submit" class="button button--secondary" [disabled]="!dirty()">{{ 'departments.save' | translate }}</button>
        </div>
      </form>
    } @else if (current().length > 0) {
      <ul class="plain-list">
        @for (department of current(); track department.id) {
          <li>{{ department.name }} ({{ department.code }})</li>
        }
      </ul>
    } @else {
      <p class="meta">{{ 'departments.none' | translate }}</p>
    }
  `,
  styles: `
    .intro {
      margin: 0 0 1rem;
      color: var(--color-text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParticipatingDepartments {
  private readonly pageState = inject(InitiativePageState);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly i18n = inject(I18n);

  protected readonly canEdit = this.pageState.canEdit;
  protected readonly current = computed(() => this.pageState.initiative()?.participatingDepartments ?? []);

  private readonly all = rxResource({ params: () => (this.canEdit() ? true : undefined), stream: () => this.departmentsApi.listAll() });
  /** Every active department but the lead department (and those it has already), in the municipality's order. */
  protected readonly choices = computed(() => {
    const lead = this.pageState.initiative()?.leadDepartment.id;
    const kept = this.savedIds();
    const items = this.all.hasValue() ? this.all.value().items : [];
    return items
      .filter((d) => d.id !== lead && (d.active || kept.includes(d.id)))
      .sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name));
  });

  private readonly savedIds = computed(() => idsOf(this.pageState.initiative()), { equal: sameSet });
  /** The user's choice starts over from the initiative whenever its departments change. */
  private readonly model = linkedSignal(() => ({ ids: this.savedIds() }));
  protected readonly departmentsForm = form(this.model);
  protected readonly dirty = computed(() => !sameSet(this.model().ids, this.savedIds()));
  protected readonly failure = signal<Problem | null>(null);

  constructor() {
    inject(UnsavedChanges).track(() => this.dirty());
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const base = this.pageState.initiative();
    if (!base || !this.dirty()) return;
    this.failure.set(null);
    await submit(this.departmentsForm, {
      action: async () => {
        const ids = this.model().ids;
        const names = ids.map((id) => this.choices().find((d) => d.id === id)?.name ?? id);
        try {
          const outcome = await this.pageState.saveInitiative({ participatingDepartmentIds: ids }, base, { participatingDepartmentIds: names });
          if (outcome.kind === 'saved') this.pageState.announce(this.i18n.t('departments.saved'));
          if (outcome.kind === 'kept') this.model.set({ ids });
        } catch (error) {
          this.failure.set(toProblem(error, (key, params) => this.i18n.t(key, params)));
        }
        return undefined;
      },
    });
  }
}
