import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { disabled, form, submit } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import type { Problem, User } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { UserFields } from '../user-fields/user-fields';
import { UserPasswordReset } from '../user-password-reset/user-password-reset';
import { departmentIdsFor, userDetailsRules, type UserDetailsModel } from '../user-form';
import { UsersApi } from '../users-api';

/** One user account: name, role and departments, and deactivating or reactivating it. */
@Component({
  selector: 'fd-user-edit',
  imports: [RouterLink, LocalDatePipe, UserFields, UserPasswordReset, TranslatePipe],
  templateUrl: './user-edit.html',
  styleUrl: './user-edit.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserEdit {
  private readonly usersApi = inject(UsersApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly auth = inject(Auth);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly roleKey = labelKeys.role;

  protected readonly user = rxResource({ params: () => this.id(), stream: ({ params }) => this.usersApi.get(params) });
  protected readonly loaded = computed<User | null>(() => (this.user.hasValue() ? this.user.value() : null));
  protected readonly loadProblem = computed(() => {
    const error = this.user.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  private readonly departmentList = rxResource({ stream: () => this.departmentsApi.listAll() });
  protected readonly departments = computed(() => {
    // A deactivated department stays with a user who has it, but is not offered to others.
    const kept = this.loaded()?.departments.map((d) => d.id) ?? [];
    const items = this.departmentList.hasValue() ? this.departmentList.value().items.filter((d) => d.active || kept.includes(d.id)) : [];
    return [...items].sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name));
  });

  /** Admins cannot demote or deactivate themselves: it could leave nobody to undo it. */
  protected readonly isSelf = computed(() => this.auth.user()?.id === this.id());
  protected readonly roleLockedReason = computed(() => (this.isSelf() ? this.i18n.t('users.selfRole') : ''));

  /** The form starts over from the server's version whenever that changes (loaded or saved). */
  private readonly model = linkedSignal<User | null, UserDetailsModel>({
    source: () => this.loaded(),
    computation: (user) => ({
      displayName: user?.displayName ?? '',
      role: user?.role ?? '',
      departmentIds: user?.departments.map((d) => d.id) ?? [],
    }),
  });
  protected readonly userForm = form(this.model, (path) => {
    userDetailsRules(path, this.i18n);
    disabled(path.role, () => (this.isSelf() ? this.i18n.t('users.selfRole') : false));
  });

  protected readonly failure = signal<Problem | null>(null);
  /** The last thing that went well (a translation key), read out politely. */
  protected readonly confirmation = signal(
    (inject(Router).currentNavigation()?.extras.state as { created?: boolean } | undefined)?.created ? 'users.created' : '',
  );

  protected readonly confirmingStatusChange = signal(false);
  protected readonly statusChanging = signal(false);
  protected readonly statusProblem = signal<Problem | null>(null);
  private readonly confirmHeading = viewChild<ElementRef<HTMLElement>>('confirmHeading');
  private readonly statusButton = viewChild<ElementRef<HTMLElement>>('statusButton');

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(null);
    this.confirmation.set('');
    const f = this.userForm;
    const fields = [f.displayName, f.role, f.departmentIds];
    await submit(f, {
      action: async () => {
        const value = this.model();
        try {
          const updated = await firstValueFrom(
            this.usersApi.update(this.id(), {
              displayName: value.displayName.trim(),
              ...(this.isSelf() || !value.role ? {} : { role: value.role }),
              departmentIds: departmentIdsFor(value),
            }),
          );
          this.user.set(updated);
          this.confirmation.set('users.saved');
          return undefined;
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { displayName: f.displayName, role: f.role, departmentIds: f.departmentIds }, (key, params) =>
            this.i18n.t(key, params),
          );
          this.failure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }

  protected askToChangeStatus(): void {
    this.statusProblem.set(null);
    this.confirmation.set('');
    this.confirmingStatusChange.set(true);
    afterNextRender(() => this.confirmHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancelStatusChange(): void {
    this.confirmingStatusChange.set(false);
    this.focusStatusButton();
  }

  protected async changeStatus(active: boolean): Promise<void> {
    if (this.statusChanging()) return;
    this.statusChanging.set(true);
    this.statusProblem.set(null);
    try {
      const updated = await firstValueFrom(this.usersApi.update(this.id(), { active }));
      this.user.set(updated);
      this.confirmingStatusChange.set(false);
      this.confirmation.set(active ? 'users.reactivated' : 'users.deactivated');
      this.focusStatusButton();
    } catch (error) {
      this.statusProblem.set(toProblem(error, (key, params) => this.i18n.t(key, params)));
    } finally {
      this.statusChanging.set(false);
    }
  }

  private focusStatusButton(): void {
    afterNextRender(() => this.statusButton()?.nativeElement.focus(), { injector: this.injector });
  }
}
