import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** Shown at an address the signed-in user's role may not open. */
@Component({
  selector: 'fd-forbidden',
  imports: [RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'forbidden.title' | translate }}</h1>
    <p>{{ 'forbidden.text' | translate }}</p>
    <p>
      <a routerLink="/initiativer">{{ 'forbidden.link' | translate }}</a>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Forbidden {}
