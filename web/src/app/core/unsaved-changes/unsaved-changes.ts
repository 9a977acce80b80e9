import { DestroyRef, inject, Injectable } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { I18n } from '../i18n/i18n';

/** A routed page that can tell whether leaving it would lose something typed. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * The open editors of one page. Each editor registers a check for as long as it lives; the page
 * asks them all before the router leaves it, and the browser before the tab closes.
 */
@Injectable()
export class UnsavedChanges {
  private readonly checks = new Set<() => boolean>();

  /** Registers a check until the calling component is destroyed. */
  track(check: () => boolean, destroyRef = inject(DestroyRef)): void {
    this.checks.add(check);
    destroyRef.onDestroy(() => this.checks.delete(check));
  }

  any(): boolean {
    for (const check of this.checks) if (check()) return true;
    return false;
  }
}

/** Asks before leaving a page with unsaved changes; a native confirm is keyboard and screen reader friendly. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) => {
  if (!component?.hasUnsavedChanges()) return true;
  return globalThis.confirm(inject(I18n).t('unsaved.confirm'));
};
