import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { SIGN_IN_REFUSALS, type SignInRefusal } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { SignInOptionsApi } from '../../core/auth/sign-in-options';

/** The same loose check as the browser's type="email": an address gets a mailto link. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Where the identity provider's sign-in ends when Fremdrift refuses it (`/ingen-adgang?reason=…`):
 * why, whom to contact about access (the installation's `SSO_ACCESS_CONTACT`), and a way to try again.
 */
@Component({
  selector: 'fd-sign-in-refused',
  imports: [RouterLink, TranslatePipe],
  template: `
    <div class="refused">
      <h1>{{ (reason() === 'failed' ? 'signIn.refused.failedHeading' : 'signIn.refused.heading') | translate }}</h1>
      @if (reasonKey(); as key) {
        <p class="refused__reason">{{ key | translate }}</p>
      }

      <div class="notice notice--info refused__contact" [attr.aria-busy]="options.isLoading()">
        @if (contact(); as contact) {
          <p>
            {{ (reason() === 'failed' ? 'signIn.refused.contactFailed' : 'signIn.refused.contact') | translate }}
            @if (contact.mailto) {
              <a [href]="contact.mailto">{{ contact.text }}</a>
            } @else {
              <strong>{{ contact.text }}</strong>
            }
          </p>
        } @else if (!options.isLoading()) {
          <p>{{ 'signIn.refused.contactNone' | translate }}</p>
        }
      </div>

      <ul class="plain-list refused__links">
        <li>
          <a class="button" routerLink="/login">{{ 'signIn.refused.tryAgain' | translate }}</a>
        </li>
        <li>
          <a href="/">{{ 'signIn.refused.publicPages' | translate }}</a>
        </li>
      </ul>
    </div>
  `,
  styles: `
    .refused {
      max-width: 36rem;
      margin-inline: auto;
      padding-top: 1rem;
    }
    .refused__contact {
      min-height: 4rem;
      margin: 1.5rem 0;
    }
    .refused__contact a,
    .refused__contact strong {
      overflow-wrap: anywhere;
    }
    .refused__links {
      display: grid;
      gap: 1rem;
      justify-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInRefused {
  /** Query parameter: why the sign-in was refused. */
  readonly reason = input<string>();

  private readonly signInOptions = inject(SignInOptionsApi);
  /** Without the options the page still explains itself, only without the contact. */
  protected readonly options = rxResource({
    stream: () => this.signInOptions.get().pipe(catchError(() => of(null))),
  });

  protected readonly reasonKey = computed(() => {
    const reason = this.reason();
    return isRefusal(reason) ? `signIn.refused.${reason}` : null;
  });

  protected readonly contact = computed(() => {
    const text = this.options.hasValue() ? this.options.value()?.accessContact?.trim() : undefined;
    if (!text) return null;
    return { text, mailto: EMAIL.test(text) ? `mailto:${text}` : null };
  });
}

function isRefusal(value: unknown): value is SignInRefusal {
  return typeof value === 'string' && (SIGN_IN_REFUSALS as readonly string[]).includes(value);
}
