import { DOCUMENT, inject, Injectable } from '@angular/core';

/** Leaving the app for a full-page address (the identity provider's sign-in or sign-out); tests fake it. */
@Injectable({ providedIn: 'root' })
export class BrowserLocation {
  private readonly document = inject(DOCUMENT);

  assign(url: string): void {
    this.document.location.assign(url);
  }
}
