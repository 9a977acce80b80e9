import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import {
  canApprovePublicTexts,
  canManageIdentityMappings,
  canManageReferenceData,
  canManageUsers,
  canOperateInstallation,
  canViewAuditLog,
  canViewDashboard,
} from '@fremdrift/access';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Auth } from './core/auth/auth';
import { BrowserLocation } from './core/auth/browser-location';
import { I18n, type Language } from './core/i18n/i18n';
import { registerTexts } from './core/i18n/register-texts';
import { labelKeys } from './core/labels';
import { todayInMunicipality } from './core/time/today';
import { DASHBOARD_NAV_LABEL, DASHBOARD_PATH, dashboardNavTexts } from './features/dashboard/texts/nav-texts';
import { PUBLIC_SHELL_KEYS, publicShellTexts } from './shell-texts';

interface NavItem {
  /** Translation key. */
  label: string;
  link: string;
}

/** The page frame: skip link, header with the user and their menu, the routed page, footer. */
@Component({
  selector: 'fd-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly location = inject(BrowserLocation);

  /** The footer's year: this year in the municipality, like every "today" in the app. */
  protected readonly year = Number(todayInMunicipality().slice(0, 4));
  protected readonly publicKeys = PUBLIC_SHELL_KEYS;
  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? labelKeys.role(user.role) : '';
  });

  /** The language the switch offers: the other one. */
  protected readonly otherLanguage = computed<Language>(() => (this.i18n.language() === 'da' ? 'en' : 'da'));

  /** Only what the user's role may open; a department lead starts with their own initiatives. */
  protected readonly navItems = computed<NavItem[]>(() => {
    const user = this.user();
    if (!user) return [];
    return [
      ...(this.auth.allows(canViewDashboard) ? [{ label: DASHBOARD_NAV_LABEL, link: DASHBOARD_PATH }] : []),
      ...(user.role === 'department_lead' ? [{ label: 'nav.mine', link: '/mine' }] : []),
      { label: 'nav.initiatives', link: '/initiativer' },
      { label: 'plans.nav', link: '/handleplaner' },
      { label: 'partnerRegister.nav', link: '/partnere' },
      ...(this.auth.allows(canApprovePublicTexts) ? [{ label: 'nav.approvals', link: '/godkendelser' }] : []),
      ...(this.auth.allows(canManageUsers) ? [{ label: 'nav.users', link: '/brugere' }] : []),
      ...(this.auth.allows(canManageIdentityMappings) ? [{ label: 'identityMappings.nav', link: '/admin/rolletildeling' }] : []),
      ...(this.auth.allows(canManageReferenceData)
        ? [
            { label: 'adminLists.nav.departments', link: '/admin/afdelinger' },
            { label: 'adminLists.nav.causes', link: '/admin/forsinkelsesaarsager' },
          ]
        : []),
      ...(this.auth.allows(canOperateInstallation) ? [{ label: 'outbox.nav', link: '/admin/udbakke' }] : []),
      ...(this.auth.allows(canViewAuditLog) ? [{ label: 'nav.auditLog', link: '/aendringslog' }] : []),
      ...(user.hasPassword ? [{ label: 'nav.changePassword', link: '/konto/adgangskode' }] : []),
    ];
  });

  protected readonly logoutFailed = signal(false);

  constructor() {
    // The dashboard keeps its texts with the feature; its menu item's name is needed before that loads.
    const translate = inject(TranslateService);
    registerTexts(translate, dashboardNavTexts);
    // So do the header's and footer's links to the public pages.
    registerTexts(translate, publicShellTexts);
  }

  /** Signed in through the identity provider, the browser goes on to end that session too. */
  protected async logout(): Promise<void> {
    this.logoutFailed.set(false);
    let endSessionUrl: string | null;
    try {
      ({ endSessionUrl } = await this.auth.logout());
    } catch {
      this.logoutFailed.set(true);
      return;
    }
    if (endSessionUrl) this.location.assign(endSessionUrl);
    else await this.router.navigate(['/login']);
  }

  protected switchLanguage(): void {
    void this.i18n.use(this.otherLanguage());
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
