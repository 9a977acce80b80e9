import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { email, form, FormField, required, submit } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { LIMITS, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { firstValueFrom } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { NewPasswordField } from '../../../shared/forms/new-password-field/new-password-field';
import { newPasswordRules } from '../../../shared/forms/password-rules';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { UserFields } from '../user-fields/user-fields';
import { departmentIdsFor, userDetailsRules, type NewUserModel } from '../user-form';
import { UsersApi } from '../users-api';

/** The admin's form for a new user account. */
@Component({
  selector: 'fd-user-create',
  imports: [RouterLink, FormField, FieldAria, FieldErrors, NewPasswordField, UserFields, TranslatePipe],
  templateUrl: './user-create.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreate {
  private readonly usersApi = inject(UsersApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  private readonly departmentList = rxResource({ stream: () => this.departmentsApi.listAll() });
  protected readonly departments = computed(() => {
    // A deactivated department cannot be given to a new user.
    const items = this.departmentList.hasValue() ? this.departmentList.value().items.filter((d) => d.active) : [];
    return [...items].sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name));
  });

  private readonly model = signal<NewUserModel>({ email: '', displayName: '', role: '', departmentIds: [], password: '' });
  protected readonly userForm = form(this.model, (path) => {
    required(path.email, { message: () => this.i18n.t('users.emailRequired') });
    email(path.email, { message: () => this.i18n.t('users.emailInvalid') });
    maxChars(path.email, LIMITS.email.max, () => this.i18n.t('users.emailMax', { max: LIMITS.email.max }));
    userDetailsRules(path, this.i18n);
    newPasswordRules(path.password, this.i18n, 'users.startPasswordRequired');
  });

  protected readonly failure = signal<Problem | null>(null);

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(null);
    const f = this.userForm;
    const fields = [f.email, f.displayName, f.role, f.departmentIds, f.password];
    await submit(f, {
      action: async () => {
        const value = this.model();
        try {
          const created = await firstValueFrom(
            this.usersApi.create({
              email: value.email.trim(),
              displayName: value.displayName.trim(),
              role: value.role || 'viewer',
              departmentIds: departmentIdsFor(value),
              password: value.password,
            }),
          );
          await this.router.navigate(['/brugere', created.id], { state: { created: true } });
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(
            error,
            { email: f.email, displayName: f.displayName, role: f.role, departmentIds: f.departmentIds, password: f.password },
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
