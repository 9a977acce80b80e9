import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';

export const APP_NAME = 'Fremdrift';

/**
 * Route titles are translation keys; the document title is "<page> – Fremdrift" in the current
 * language, and follows a language switch. A page may name itself (an initiative's title).
 */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  private readonly routeKey = signal<string | undefined>(undefined);
  private readonly pageName = signal<(() => string | null) | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.routeKey();
      const name = this.pageName()?.() ?? (key ? String(this.translate.instant(key)) : null);
      this.title.setTitle(name ? `${name} – ${APP_NAME}` : APP_NAME);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.routeKey.set(this.buildTitle(snapshot));
  }

  /** Names the current page by its content (read as a signal) until the page calls it with null. */
  setPageName(name: (() => string | null) | null): void {
    this.pageName.set(name);
  }
}
