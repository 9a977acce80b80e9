import { afterNextRender, ElementRef, inject, Injector } from '@angular/core';

/**
 * For a component that moves focus once its view has updated (to a form it opened, a message it
 * showed): returns `focus(selector)`, which focuses the first match inside the component after
 * the next render. Call it in an injection context, e.g. a field initialiser.
 */
export function injectFocusAfterRender(): (selector: string) => void {
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  return (selector) => afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector });
}
