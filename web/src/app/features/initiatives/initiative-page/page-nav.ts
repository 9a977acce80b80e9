import { afterRenderEffect, ChangeDetectionStrategy, Component, DestroyRef, DOCUMENT, inject, input, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

export interface PageSection {
  /** The section's id, the link's fragment. */
  id: string;
  /** The id of the section's heading, which takes focus. */
  heading: string;
  /** Translation key. */
  label: string;
}

/**
 * "På denne side": links to a long page's sections. Following one brings the section's heading to
 * the top and moves focus to it, so that reading and tabbing go on from there; the section being
 * read is marked with aria-current. Sticky beside the page on wide screens, a compact horizontal
 * list on phones (the page's stylesheet places it).
 */
@Component({
  selector: 'fd-page-nav',
  imports: [TranslatePipe],
  template: `
    <nav class="page-nav" [attr.aria-label]="'lifecycle.pageNav' | translate">
      <ul class="page-nav__list">
        @for (section of sections(); track section.id) {
          <li>
            <a
              class="page-nav__link"
              [href]="path() + '#' + section.id"
              [attr.aria-current]="section.id === current() ? 'true' : null"
              (click)="goTo($event, section)"
              >{{ section.label | translate }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    .page-nav__list {
      display: flex;
      gap: 0.5rem;
      margin: 0;
      padding: 0 0 0.25rem;
      overflow-x: auto;
      list-style: none;
      white-space: nowrap;
    }

    .page-nav__link {
      display: inline-block;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-bg);
    }

    .page-nav__link[aria-current='true'] {
      border-color: var(--color-brand);
      background: var(--color-surface);
      font-weight: 600;
    }

    @media (min-width: 64em) {
      .page-nav__list {
        flex-direction: column;
        gap: 0.25rem;
        overflow-x: visible;
        white-space: normal;
      }

      .page-nav__link {
        display: block;
        border-width: 0 0 0 3px;
        border-radius: 0;
      }

      .page-nav__link[aria-current='true'] {
        border-left-color: var(--color-brand);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageNav {
  private readonly document = inject(DOCUMENT);

  readonly sections = input.required<PageSection[]>();
  /** The page's own path: the links' fragments belong to it (the app's base is `/`). */
  readonly path = input.required<string>();

  /** The section being read: the first one in the upper part of the window. */
  protected readonly current = signal<string | null>(null);

  constructor() {
    this.followScrolling();
  }

  protected goTo(event: Event, section: PageSection): void {
    const heading = this.document.getElementById(section.heading);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
    this.current.set(section.id);
  }

  private followScrolling(): void {
    const view = this.document.defaultView;
    if (!view || typeof view.IntersectionObserver === 'undefined') return;
    const visible = new Set<string>();
    const observer = new view.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) visible.add(entry.target.id);
          else visible.delete(entry.target.id);
        }
        const first = this.sections().find((section) => visible.has(section.id));
        if (first) this.current.set(first.id);
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    afterRenderEffect(() => {
      observer.disconnect();
      visible.clear();
      for (const section of this.sections()) {
        const element = this.document.getElementById(section.id);
        if (element) observer.observe(element);
      }
    });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
