import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';

/** The page frame: skip link, header, the routed page in the main landmark, footer. */
@Component({
  selector: 'fd-root',
  imports: [RouterOutlet, RouterLink],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly year = new Date().getFullYear();

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
