import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, minLength, required, submit, validate, type SchemaPath } from '@angular/forms/signals';
import { LIMITS, type DelayCause, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DelayCausesApi } from '../../../core/api/delay-causes-api';
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

/** A stable identifier, as the API accepts it. */
const CAUSE_CODE = /^[a-z0-9_]+$/;

interface LabelsModel {
  labelDa: string;
  labelEn: string;
}

interface NewCauseModel extends LabelsModel {
  code: string;
}

/**
 * The admin's list of delay causes (the reasons a lead can give for a drop in health) in their
 * order: add, relabel in Danish and English, move up or down, deactivate and reactivate. Causes
 * are never deleted: old status updates name them.
 */
@Component({
  selector: 'fd-delay-cause-list',
  imports: [FormField, FieldAria, FieldErrors, OrderedAdminList, TranslatePipe],
  templateUrl: './delay-cause-list.html',
  styleUrl: '../admin-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelayCauseList {
  private readonly api = inject(DelayCausesApi);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();
  private readonly t: Translate = (key, params) => this.i18n.t(key, params);

  protected readonly limits = LIMITS;
  protected readonly list = rxResource({ stream: () => this.api.list() });
  /** The causes in their order; changed in place after each write. */
  protected readonly causes = linkedSignal(() => (this.list.hasValue() ? this.sorted(this.list.value()) : []));
  protected readonly loadProblem = computed(() => {
    const error = this.list.error();
    return error ? toProblem(error, this.t) : null;
  });

  /** The label in the user's language. */
  protected readonly labelOf = (cause: DelayCause) => (this.i18n.language() === 'en' ? cause.labelEn : cause.labelDa);

  /** Moving and changing the status, one write at a time. */
  protected readonly writes = new OrderedListWrites<DelayCause>({
    items: this.causes,
    update: (id, change) => this.api.update(id, change),
    replace: (updated) => this.replace(updated),
    nameOf: this.labelOf,
    t: this.t,
    focus: this.focus,
    reload: () => this.list.reload(),
    keys: { reactivated: 'adminLists.causes.reactivated', deactivated: 'adminLists.causes.deactivated' },
  });
  /** The last thing that went well, read out politely (translated). */
  protected readonly confirmation = this.writes.confirmation;
  protected readonly busy = this.writes.busy;

  // Adding
  private readonly newModel = signal<NewCauseModel>({ code: '', labelDa: '', labelEn: '' });
  protected readonly addForm = form(this.newModel, (path) => {
    required(path.code, { message: () => this.t('adminLists.causes.codeRequired') });
    validate(path.code, ({ value }) => {
      const code = value().trim();
      if (!code) return undefined;
      const { min, max } = LIMITS.delayCauseCode;
      return code.length < min || code.length > max || !CAUSE_CODE.test(code)
        ? { kind: 'pattern', message: this.t('adminLists.causes.codeInvalid', { min, max }) }
        : undefined;
    });
    labelRules(path.labelDa, this.t, 'adminLists.causes.labelDaRequired');
    labelRules(path.labelEn, this.t, 'adminLists.causes.labelEnRequired');
  });
  protected readonly addFailure = signal<Problem | null>(null);

  // Relabelling one at a time
  protected readonly editingId = signal<string | null>(null);
  private readonly renameModel = signal<LabelsModel>({ labelDa: '', labelEn: '' });
  protected readonly renameForm = form(this.renameModel, (path) => {
    labelRules(path.labelDa, this.t, 'adminLists.causes.labelDaRequired');
    labelRules(path.labelEn, this.t, 'adminLists.causes.labelEnRequired');
  });
  protected readonly renameFailure = signal<Problem | null>(null);

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    this.addFailure.set(null);
    this.confirmation.set('');
    const f = this.addForm;
    const fields = [f.code, f.labelDa, f.labelEn];
    await submit(f, {
      action: async () => {
        const value = this.newModel();
        try {
          const created = await firstValueFrom(
            this.api.create({
              code: value.code.trim(),
              labelDa: value.labelDa.trim(),
              labelEn: value.labelEn.trim(),
              sortOrder: nextPosition(this.causes()),
            }),
          );
          this.causes.update((list) => [...list, created]);
          this.newModel.set({ code: '', labelDa: '', labelEn: '' });
          f().reset();
          this.confirmation.set(this.t('adminLists.causes.added', { name: this.labelOf(created) }));
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { code: f.code, labelDa: f.labelDa, labelEn: f.labelEn }, this.t);
          this.addFailure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }

  protected startRename(cause: DelayCause): void {
    this.confirmation.set('');
    this.renameFailure.set(null);
    this.renameModel.set({ labelDa: cause.labelDa, labelEn: cause.labelEn });
    this.renameForm().reset();
    this.editingId.set(cause.id);
    this.focus(`#rename-da-${cause.id}`);
  }

  protected cancelRename(id: string): void {
    this.editingId.set(null);
    this.focus(`#rename-button-${id}`);
  }

  protected async rename(event: Event, cause: DelayCause): Promise<void> {
    event.preventDefault();
    this.renameFailure.set(null);
    const f = this.renameForm;
    const fields = [f.labelDa, f.labelEn];
    await submit(f, {
      action: async () => {
        const value = this.renameModel();
        try {
          const updated = await firstValueFrom(this.api.update(cause.id, { labelDa: value.labelDa.trim(), labelEn: value.labelEn.trim() }));
          this.replace(updated);
          this.editingId.set(null);
          this.confirmation.set(this.t('adminLists.causes.renamed', { name: this.labelOf(updated) }));
          this.focus(`#rename-button-${cause.id}`);
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { labelDa: f.labelDa, labelEn: f.labelEn }, this.t);
          this.renameFailure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }

  private replace(updated: DelayCause): void {
    this.causes.update((list) => this.sorted(list.map((c) => (c.id === updated.id ? updated : c))));
  }

  private sorted(causes: readonly DelayCause[]): DelayCause[] {
    return inOrder(
      causes,
      (c) => c.labelDa,
      (a, b) => this.i18n.compare(a, b),
    );
  }
}

function labelRules(path: SchemaPath<string>, t: Translate, requiredKey: string): void {
  const { min, max } = LIMITS.delayCauseLabel;
  required(path, { message: () => t(requiredKey) });
  minLength(path, min, { message: () => t('adminLists.nameLength', { min, max }) });
  maxChars(path, max, () => t('adminLists.nameLength', { min, max }));
}
