import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, maxLength, minLength, required, submit, validate, type SchemaPath } from '@angular/forms/signals';
import { LIMITS, type Department, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { toProblem, type Translate } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { inOrder, moveChanges, nextPosition } from '../ordering';

interface NewDepartmentModel {
  code: string;
  name: string;
}

/**
 * The admin's list of departments (magistratsafdelinger) in their order: add, rename, move up or
 * down, deactivate and reactivate. A deactivated department stays on its initiatives and in their
 * history, but cannot be chosen anew.
 */
@Component({
  selector: 'fd-department-list',
  imports: [FormField, FieldAria, FieldErrors, TranslatePipe],
  templateUrl: './department-list.html',
  styleUrl: '../admin-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentList {
  private readonly api = inject(DepartmentsApi);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();
  private readonly t: Translate = (key, params) => this.i18n.t(key, params);

  protected readonly limits = LIMITS;
  protected readonly list = rxResource({ stream: () => this.api.listAll() });
  /** The departments in their order; changed in place after each write. */
  protected readonly departments = linkedSignal(() =>
    this.list.hasValue()
      ? inOrder(
          this.list.value().items,
          (d) => d.name,
          (a, b) => this.i18n.compare(a, b),
        )
      : [],
  );
  protected readonly loadProblem = computed(() => {
    const error = this.list.error();
    return error ? toProblem(error, this.t) : null;
  });

  /** The last thing that went well, read out politely (translated). */
  protected readonly confirmation = signal('');
  /** What went wrong with a move or a change of status. */
  protected readonly actionProblem = signal<Problem | null>(null);
  protected readonly busy = signal(false);

  // Adding
  private readonly newModel = signal<NewDepartmentModel>({ code: '', name: '' });
  protected readonly addForm = form(this.newModel, (path) => {
    required(path.code, { message: () => this.t('adminLists.departments.codeRequired') });
    validate(path.code, ({ value }) => {
      const code = value().trim().toUpperCase();
      if (!code) return undefined;
      const { min, max, pattern } = LIMITS.departmentCode;
      return code.length < min || code.length > max || !pattern.test(code)
        ? { kind: 'pattern', message: this.t('adminLists.departments.codeInvalid', { min, max }) }
        : undefined;
    });
    nameRules(path.name, this.t);
  });
  protected readonly addFailure = signal<Problem | null>(null);

  // Renaming one at a time
  protected readonly editingId = signal<string | null>(null);
  private readonly renameModel = signal({ name: '' });
  protected readonly renameForm = form(this.renameModel, (path) => nameRules(path.name, this.t));
  protected readonly renameFailure = signal<Problem | null>(null);

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    this.addFailure.set(null);
    this.confirmation.set('');
    const f = this.addForm;
    await submit(f, {
      action: async () => {
        const value = this.newModel();
        try {
          const created = await firstValueFrom(
            this.api.create({ code: value.code.trim().toUpperCase(), name: value.name.trim(), sortOrder: nextPosition(this.departments()) }),
          );
          this.departments.update((list) => [...list, created]);
          this.newModel.set({ code: '', name: '' });
          f().reset();
          this.confirmation.set(this.t('adminLists.departments.added', { name: created.name }));
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { code: f.code, name: f.name }, this.t);
          this.addFailure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid([f.code, f.name]));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid([f.code, f.name]),
    });
  }

  protected startRename(department: Department): void {
    this.confirmation.set('');
    this.renameFailure.set(null);
    this.renameModel.set({ name: department.name });
    this.renameForm().reset();
    this.editingId.set(department.id);
    this.focus(`#rename-${department.id}`);
  }

  protected cancelRename(id: string): void {
    this.editingId.set(null);
    this.focus(`#rename-button-${id}`);
  }

  protected async rename(event: Event, department: Department): Promise<void> {
    event.preventDefault();
    this.renameFailure.set(null);
    const f = this.renameForm;
    await submit(f, {
      action: async () => {
        try {
          const updated = await firstValueFrom(this.api.update(department.id, { name: this.renameModel().name.trim() }));
          this.replace(updated);
          this.editingId.set(null);
          this.confirmation.set(this.t('adminLists.departments.renamed', { name: updated.name }));
          this.focus(`#rename-button-${department.id}`);
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { name: f.name }, this.t);
          this.renameFailure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid([f.name]));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid([f.name]),
    });
  }

  protected async move(index: number, delta: -1 | 1): Promise<void> {
    const list = this.departments();
    const moved = list[index];
    const changes = moveChanges(list, index, delta);
    if (!moved || changes.length === 0) return;
    await this.act(async () => {
      for (const change of changes) this.replace(await firstValueFrom(this.api.update(change.id, { sortOrder: change.sortOrder })));
      const position = this.departments().findIndex((d) => d.id === moved.id);
      const count = this.departments().length;
      this.confirmation.set(this.t('adminLists.movedTo', { name: moved.name, position: position + 1, count }));
      // The button pressed may now be disabled (at the top or the bottom): then the other one.
      const direction = (delta === -1 && position > 0) || (delta === 1 && position === count - 1) ? 'up' : 'down';
      this.focus(`#move-${direction}-${moved.id}`);
    });
  }

  protected async setActive(department: Department, active: boolean): Promise<void> {
    await this.act(async () => {
      const updated = await firstValueFrom(this.api.update(department.id, { active }));
      this.replace(updated);
      this.confirmation.set(this.t(active ? 'adminLists.departments.reactivated' : 'adminLists.departments.deactivated', { name: updated.name }));
    });
  }

  /** One write at a time; a failure is shown above the list, which is then read again. */
  private async act(write: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    this.confirmation.set('');
    try {
      await write();
    } catch (error) {
      this.actionProblem.set(toProblem(error, this.t));
      this.list.reload();
    } finally {
      this.busy.set(false);
    }
  }

  private replace(updated: Department): void {
    this.departments.update((list) =>
      inOrder(
        list.map((d) => (d.id === updated.id ? updated : d)),
        (d) => d.name,
        (a, b) => this.i18n.compare(a, b),
      ),
    );
  }
}

function nameRules(path: SchemaPath<string>, t: Translate): void {
  const { min, max } = LIMITS.departmentName;
  required(path, { message: () => t('adminLists.departments.nameRequired') });
  minLength(path, min, { message: () => t('adminLists.nameLength', { min, max }) });
  maxLength(path, max, { message: () => t('adminLists.nameLength', { min, max }) });
}
