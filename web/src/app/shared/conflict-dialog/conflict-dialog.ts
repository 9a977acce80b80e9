import { afterRenderEffect, ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ConflictPrompt, type ConflictChoice } from './conflict-prompt';

/**
 * The prompt after a 409: what someone else changed meanwhile, and whether to save the user's
 * changes on top or take the other version. A modal `<dialog>` traps focus and closes on Escape
 * (which keeps the user's text and lets them go on editing).
 */
@Component({
  selector: 'fd-conflict-dialog',
  imports: [TranslatePipe],
  template: `
    <dialog #dialog class="conflict" aria-labelledby="conflict-title" aria-describedby="conflict-text" (cancel)="choose($event, 'cancel')">
      @if (prompt.request(); as request) {
        <h2 id="conflict-title" class="conflict__title">{{ 'conflict.title' | translate }}</h2>
        <p id="conflict-text">{{ 'conflict.text' | translate }}</p>
        @if (request.lines.length > 0) {
          <div class="table-scroll" role="region" aria-labelledby="conflict-caption" tabindex="0">
            <table class="data-table">
              <caption id="conflict-caption" class="conflict__caption">
                {{
                  'conflict.changedHeading' | translate
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'conflict.colField' | translate }}</th>
                  <th scope="col">{{ 'conflict.colStarted' | translate }}</th>
                  <th scope="col">{{ 'conflict.colNow' | translate }}</th>
                  <th scope="col">{{ 'conflict.colMine' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (line of request.lines; track line.label) {
                  <tr>
                    <th scope="row">{{ line.label }}</th>
                    <td>{{ line.started }}</td>
                    <td>{{ line.now }}</td>
                    <td>{{ line.mine ?? '–' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ 'conflict.nothingOverlaps' | translate }}</p>
        }
        <p class="meta">{{ 'conflict.useMineHint' | translate }}</p>
        <div class="form-actions">
          <button type="button" class="button" (click)="choose($event, 'mine')">{{ 'conflict.useMine' | translate }}</button>
          <button type="button" class="button button--secondary" (click)="choose($event, 'discard')">{{ 'conflict.discard' | translate }}</button>
        </div>
      }
    </dialog>
  `,
  styles: `
    .conflict {
      width: min(44rem, calc(100vw - 1rem));
      max-height: calc(100vh - 2rem);
      padding: 1.25rem;
      border: 2px solid var(--color-brand);
      border-radius: var(--radius);
      color: var(--color-text);
    }

    .conflict::backdrop {
      background: rgb(0 0 0 / 45%);
    }

    .conflict__title {
      font-size: 1.25rem;
    }

    .conflict__caption {
      margin-bottom: 0.5rem;
      font-weight: 600;
      text-align: left;
    }

    .conflict td,
    .conflict th {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictDialog {
  protected readonly prompt = inject(ConflictPrompt);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    // Opening and closing a modal dialog is a DOM call, so it follows the request after rendering.
    afterRenderEffect(() => {
      const dialog = this.dialog().nativeElement;
      const open = this.prompt.request() !== null;
      if (open && !dialog.open) dialog.showModal?.();
      if (!open && dialog.open) dialog.close();
    });
  }

  protected choose(event: Event, choice: ConflictChoice): void {
    event.preventDefault();
    this.prompt.answer(choice);
  }
}
