import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';

/** The tilgængelighedserklæring, in the usual Danish form; the municipality fills in the placeholders. */
@Component({
  selector: 'fd-public-accessibility',
  imports: [PubTextPipe],
  templateUrl: './accessibility.html',
  styleUrl: '../public-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Accessibility {
  protected readonly enforcementUrl = 'https://www.was.digst.dk/';

  constructor() {
    usePublicTexts();
  }

  protected list(value: unknown): string[] {
    return Array.isArray(value) ? value.map(String) : [];
  }
}
