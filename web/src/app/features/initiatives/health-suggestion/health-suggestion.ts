import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { Health, InitiativeSummary } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';

type SuggestionInput = Pick<InitiativeSummary, 'status' | 'suggestedHealth' | 'progress' | 'expectedProgress' | 'overdueMilestoneCount'>;

/**
 * Why Fremdrift suggests a health, in plain words: expected against actual progress, and overdue
 * milestones. Null for completed and cancelled initiatives, where there is nothing left to suggest.
 */
export function suggestionReasons(initiative: SuggestionInput, i18n: Pick<I18n, 't' | 'plural' | 'percent'>): string[] | null {
  if (initiative.status === 'completed' || initiative.status === 'cancelled') return null;
  const reasons =
    initiative.expectedProgress === null
      ? [i18n.t('deadEndsA.suggestionNoDates')]
      : [i18n.t('deadEndsA.suggestionWhy', { expected: i18n.percent(initiative.expectedProgress), actual: i18n.percent(initiative.progress) })];
  if (initiative.overdueMilestoneCount > 0) reasons.push(i18n.plural('deadEndsA.suggestionOverdue', initiative.overdueMilestoneCount));
  return reasons;
}

/**
 * The schedule-aware health suggestion beside the lead's own assessment (`current`). When the two
 * differ and `adoptable`, one click adopts it: the host decides what that does.
 */
@Component({
  selector: 'fd-health-suggestion',
  imports: [HealthBadge],
  template: `
    @if (reasons(); as reasons) {
      <div class="suggestion">
        <p class="suggestion__head">
          {{ texts().lead }}
          <fd-health-badge [health]="suggested()" />
          @if (!differs()) {
            <span class="suggestion__same">{{ texts().same }}</span>
          }
        </p>
        <p class="suggestion__why">
          @for (reason of reasons; track $index) {
            {{ reason }}
          }
        </p>
        @if (adoptable() && differs()) {
          <button type="button" class="button button--secondary suggestion__adopt" (click)="adopt.emit(suggested())">{{ adoptText() }}</button>
        }
      </div>
    }
  `,
  styles: `
    .suggestion {
      display: grid;
      gap: 0.25rem;
      max-width: 36rem;
    }
    .suggestion p {
      margin: 0;
    }
    .suggestion__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .suggestion__why {
      color: var(--color-text-muted);
    }
    .suggestion__adopt {
      justify-self: start;
      margin-top: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthSuggestion {
  private readonly i18n = inject(I18n);

  readonly initiative = input.required<SuggestionInput>();
  /** The health it is compared with: the lead's assessment, or the one chosen in a form. */
  readonly current = input.required<Health>();
  /** Text of the adopt button; the default names the suggested health. */
  readonly adoptLabel = input<string | null>(null);
  readonly adoptable = input(false);
  readonly adopt = output<Health>();

  protected readonly suggested = computed(() => this.initiative().suggestedHealth);
  protected readonly differs = computed(() => this.suggested() !== this.current());
  protected readonly reasons = computed(() => suggestionReasons(this.initiative(), this.i18n));
  protected readonly texts = computed(() => {
    return { lead: this.i18n.t('deadEndsA.suggestion'), same: this.i18n.t('deadEndsA.suggestionSame') };
  });
  protected readonly adoptText = computed(
    () => this.adoptLabel() ?? this.i18n.t('deadEndsA.adopt', { health: this.i18n.t(labelKeys.health(this.suggested())) }),
  );
}
