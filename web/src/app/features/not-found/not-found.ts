import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'fd-not-found',
  imports: [RouterLink],
  template: `
    <h1>Siden findes ikke</h1>
    <p>Adressen passer ikke til nogen side i Fremdrift. Måske er linket forældet.</p>
    <p><a routerLink="/initiativer">Gå til oversigten over initiativer</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
