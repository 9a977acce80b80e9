import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Shown at an address the signed-in user's role may not open. */
@Component({
  selector: 'fd-forbidden',
  imports: [RouterLink],
  template: `
    <h1>Du har ikke adgang til denne side</h1>
    <p>Siden er kun for brugere med en anden rolle end din. Mener du, at du burde have adgang, så kontakt en administrator.</p>
    <p><a routerLink="/initiativer">Gå til oversigten over initiativer</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Forbidden {}
