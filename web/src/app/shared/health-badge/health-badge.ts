import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Health } from '@fremdrift/contracts';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/labels';

/** Health as a word and a shape (circle, triangle, octagon); the colour only repeats what they say. */
@Component({
  selector: 'fd-health-badge',
  template: `
    <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      @switch (health()) {
        @case ('on_track') {
          <circle cx="8" cy="8" r="7.5" class="icon__shape" />
          <path d="M4.5 8.2 7 10.6l4.6-5" class="icon__glyph" />
        }
        @case ('at_risk') {
          <path d="M8 0.8 15.6 14.6H0.4Z" class="icon__shape" />
          <path d="M8 5.6v4.4M8 11.8v0.9" class="icon__glyph" />
        }
        @case ('off_track') {
          <path d="M5 0.5h6l4.5 4.5v6L11 15.5H5L0.5 11V5Z" class="icon__shape" />
          <path d="m5.2 5.2 5.6 5.6m0-5.6-5.6 5.6" class="icon__glyph" />
        }
      }
    </svg>
    <span>{{ label() }}</span>
  `,
  styleUrl: './health-badge.css',
  host: { '[class]': '"health health--" + health()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthBadge {
  private readonly i18n = inject(I18n);

  readonly health = input.required<Health>();
  protected readonly label = computed(() => this.i18n.t(labelKeys.health(this.health())));
}
