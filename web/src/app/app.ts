import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { canManageUsers, canViewAuditLog } from '@fremdrift/access';
import { Auth } from './core/auth/auth';
import { ROLE_LABELS } from './core/labels';

interface NavItem {
  label: string;
  link: string;
}

/** The page frame: skip link, header with the user and their menu, the routed page, footer. */
@Component({
  selector: 'fd-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  protected readonly year = new Date().getFullYear();
  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });

  /** Only what the user's role may open. */
  protected readonly navItems = computed<NavItem[]>(() => {
    if (!this.user()) return [];
    return [
      { label: 'Initiativer', link: '/initiativer' },
      ...(this.auth.allows(canManageUsers) ? [{ label: 'Brugere', link: '/brugere' }] : []),
      ...(this.auth.allows(canViewAuditLog) ? [{ label: 'Ændringslog', link: '/aendringslog' }] : []),
      { label: 'Skift adgangskode', link: '/konto/adgangskode' },
    ];
  });

  protected readonly logoutFailed = signal(false);

  protected async logout(): Promise<void> {
    this.logoutFailed.set(false);
    try {
      await this.auth.logout();
    } catch {
      this.logoutFailed.set(true);
      return;
    }
    await this.router.navigate(['/login']);
  }

  /**
   * The skip link moves focus itself: with `<base href="/">` a plain `#indhold` link would send
   * the router to `/#indhold` and lose the current page and its filters.
   */
  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
}
