import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { canDeleteInitiatives } from '@fremdrift/access';
import { Router } from '@angular/router';
import type { Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';

/**
 * Deleting the initiative, for admins: a button, then a modal dialog that asks first. The native
 * `<dialog>` keeps focus inside while open and closes on Escape; focus starts on "Annullér" (the
 * safe choice) and goes back to the button when the user cancels. After deleting, the list says so.
 */
@Component({
  selector: 'fd-initiative-delete',
  imports: [TranslatePipe],
  template: `
    @if (canDelete()) {
      <button type="button" class="button button--danger" #openButton (click)="open()">{{ 'initiativeCreate.deleteButton' | translate }}</button>
    }
    <dialog #dialog class="delete-dialog" aria-labelledby="delete-initiative-title" aria-describedby="delete-initiative-text" (cancel)="cancel($event)">
      @if (asking(); as title) {
        <h2 id="delete-initiative-title" class="delete-dialog__title">{{ 'initiativeCreate.deleteTitle' | translate: { title } }}</h2>
        <p id="delete-initiative-text">{{ 'initiativeCreate.deleteText' | translate }}</p>
        @if (failure(); as failure) {
          <div class="notice notice--error" role="alert">
            <p>
              <strong>{{ 'initiativeCreate.deleteFailed' | translate }}</strong> {{ failure.title }}
            </p>
            @if (failure.detail) {
              <p>{{ failure.detail }}</p>
            }
          </div>
        }
        <div class="form-actions">
          <button type="button" class="button button--danger" [attr.aria-disabled]="deleting() ? 'true' : null" (click)="confirm()">
            {{ (deleting() ? 'initiativeCreate.deleting' : 'initiativeCreate.deleteConfirm') | translate }}
          </button>
          <button type="button" class="button button--secondary" data-initial-focus (click)="cancel($event)">{{ 'common.cancel' | translate }}</button>
        </div>
      }
    </dialog>
  `,
  styles: `
    .delete-dialog {
      width: min(32rem, calc(100vw - 1rem));
      max-height: calc(100vh - 2rem);
      padding: 1.25rem;
      border: 2px solid var(--color-danger-text);
      border-radius: var(--radius);
      color: var(--color-text);
    }

    .delete-dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }

    .delete-dialog__title {
      margin-top: 0;
      font-size: 1.25rem;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeDelete {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  private readonly auth = inject(Auth);

  protected readonly canDelete = computed(() => this.pageState.initiative() !== null && this.auth.allows(canDeleteInitiatives));
  /** The title of the initiative the dialog asks about, while it is open. */
  protected readonly asking = signal<string | null>(null);
  protected readonly deleting = signal(false);
  protected readonly failure = signal<Problem | null>(null);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly openButton = viewChild<ElementRef<HTMLButtonElement>>('openButton');

  constructor() {
    // Opening and closing a modal dialog is a DOM call, so it follows the state after rendering.
    afterRenderEffect(() => {
      const dialog = this.dialog().nativeElement;
      const open = this.asking() !== null;
      if (open && !dialog.open) {
        dialog.showModal?.();
        dialog.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
      }
      if (!open && dialog.open) dialog.close();
    });
  }

  protected open(): void {
    const initiative = this.pageState.initiative();
    if (!initiative) return;
    this.failure.set(null);
    this.asking.set(initiative.title);
  }

  protected cancel(event: Event): void {
    event.preventDefault();
    if (this.deleting()) return;
    this.asking.set(null);
    this.openButton()?.nativeElement.focus();
  }

  protected async confirm(): Promise<void> {
    const initiative = this.pageState.initiative();
    if (!initiative || this.deleting()) return;
    this.deleting.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.delete(initiative.id, initiative.version));
      this.asking.set(null);
      await this.router.navigate(['/initiativer'], { state: { deletedTitle: initiative.title } });
    } catch (error) {
      this.failure.set(toProblem(error, (key, params) => this.i18n.t(key, params)));
    } finally {
      this.deleting.set(false);
    }
  }
}
