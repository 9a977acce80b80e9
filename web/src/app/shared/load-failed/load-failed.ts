import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** What a page or list says when its data could not be loaded: what failed, why, and a retry. */
@Component({
  selector: 'fd-load-failed',
  imports: [TranslatePipe],
  template: `
    <div class="notice notice--error" role="alert">
      <h3 class="notice__title">{{ heading() | translate }}</h3>
      <p>
        <strong>{{ problem().title }}</strong>
      </p>
      @if (problem().detail) {
        <p>{{ problem().detail }}</p>
      }
      <button type="button" class="button" (click)="retry.emit()">{{ 'common.retry' | translate }}</button>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadFailed {
  /** Translation key of what failed ("Initiativerne kunne ikke hentes"). */
  readonly heading = input.required<string>();
  /** The problem, already in the user's language (`toProblem`). */
  readonly problem = input.required<Problem>();
  readonly retry = output();
}
