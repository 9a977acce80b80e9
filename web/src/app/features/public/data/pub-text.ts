import { Pipe, type PipeTransform } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** The public feature's texts live under `pub.` in the merged translations (see texts/public-texts.ts). */
export const pub = (key: string): string => `pub.${key}`;

/** `translate` for the public feature's own texts: `'front.title' | fdPubText` is `pub.front.title`. */
@Pipe({ name: 'fdPubText', pure: false })
export class PubTextPipe extends TranslatePipe implements PipeTransform {
  /** Typed as text for templates' bindings; a list of texts (the accessibility statement's) comes through as it is. */
  override transform(query: string | undefined | null, ...args: unknown[]): string {
    return super.transform(query ? pub(query) : query, ...args) as string;
  }
}
