import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, minLength, required, submit, validate, type SchemaPath } from '@angular/forms/signals';
import { LIMITS, type Department, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { toProblem, type Translate } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { OrderedAdminList } from '../ordered-admin-list/ordered-admin-list';
import { OrderedListWrites } from '../ordered-admin-list/ordered-list-writes';
import { inOrder, nextPosition } from '../ordering';

/** The same loose check as the browser's type="email"; the API decides. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
  imports: [FormField, FieldAria, FieldErrors, OrderedAdminList, TranslatePipe],
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

  protected readonly nameOf = (department: Department) => department.name;
  /** Moving and changing the status, one write at a time. */
  protected readonly writes = new OrderedListWrites<Department>({
    items: this.departments,
    update: (id, change) => this.api.update(id, change),
    replace: (updated) => this.replace(updated),
    nameOf: this.nameOf,
    t: this.t,
    focus: this.focus,
    reload: () => this.list.reload(),
    keys: { reactivated: 'adminLists.departments.reactivated', deactivated: 'adminLists.departments.deactivated' },
  });
  /** The last thing that went well, read out politely (translated). */
  protected readonly confirmation = this.writes.confirmation;
  protected readonly busy = this.writes.busy;

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
  private readonly renameModel = signal({ name: '', managementContactEmail: '' });
  protected readonly renameForm = form(this.renameModel, (path) => {
    nameRules(path.name, this.t);
    validate(path.managementContactEmail, ({ value }) => {
      const email = value().trim();
      return email && (!EMAIL.test(email) || email.length > LIMITS.email.max) ? { kind: 'email', message: this.t('reminders.invalidEmail') } : undefined;
    });
  });
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
    this.renameModel.set({ name: department.name, managementContactEmail: department.managementContactEmail ?? '' });
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
          const { name, managementContactEmail } = this.renameModel();
          const contact = managementContactEmail.trim().toLowerCase() || null;
          const updated = await firstValueFrom(
            this.api.update(department.id, {
              name: name.trim(),
              ...(contact !== (department.managementContactEmail ?? null) ? { managementContactEmail: contact } : {}),
            }),
          );
          this.replace(updated);
          this.editingId.set(null);
          this.confirmation.set(this.t('adminLists.departments.renamed', { name: updated.name }));
          this.focus(`#rename-button-${department.id}`);
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { name: f.name, managementContactEmail: f.managementContactEmail }, this.t);
          this.renameFailure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid([f.name, f.managementContactEmail]));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid([f.name, f.managementContactEmail]),
    });
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
  maxChars(path, max, () => t('adminLists.nameLength', { min, max }));
}
