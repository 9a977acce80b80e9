import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, contentChild, input, output, TemplateRef } from '@angular/core';
import type { Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import type { Ordered } from '../ordering';
import type { OrderedListWrites } from './ordered-list-writes';

/** What every entry of an admin list has: an id, its place, a code and whether it may still be chosen. */
export interface OrderedItem extends Ordered {
  readonly code: string;
  readonly active: boolean;
}

/** What a template projected into the list receives: the entry. */
export interface OrderedItemContext<T> {
  $implicit: T;
}

/**
 * The ordered list both admin lists show, with what is said above it (a failed write, a failed
 * load, loading, none yet): each entry's name and code, renaming in place, moving up or down,
 * deactivating and reactivating. The page keeps the state and the writes; it projects
 * `<ng-template #renameFields let-item>` (the fields of the rename form) and, if it shows more
 * about an entry, `<ng-template #details let-item>`.
 */
@Component({
  selector: 'fd-ordered-admin-list',
  imports: [NgTemplateOutlet, TranslatePipe],
  templateUrl: './ordered-admin-list.html',
  styleUrl: '../admin-list.css',
  // Spaced as they were as direct children of the page's section.
  styles: ':host > .notice { margin-bottom: 1rem; }',
  host: { style: 'display: block' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrderedAdminList<T extends OrderedItem> {
  readonly items = input.required<readonly T[]>();
  /** The entry's name as the user reads it. */
  readonly nameOf = input.required<(item: T) => string>();
  /** Moves and changes of status, with their busy state and what went wrong. */
  readonly writes = input.required<OrderedListWrites<T>>();
  readonly loading = input(false);
  readonly loadProblem = input<Problem | null>(null);
  /** Translation keys: the list could not be read; there are no entries yet. */
  readonly loadFailedKey = input.required<string>();
  readonly noneKey = input.required<string>();
  /** The entry being renamed, if any. */
  readonly editingId = input<string | null>(null);
  readonly renameFailure = input<Problem | null>(null);

  readonly renameStart = output<T>();
  readonly renameSubmit = output<{ event: Event; item: T }>();
  readonly renameCancel = output<string>();
  /** Read the list again after it failed to load. */
  readonly retry = output<void>();

  protected readonly details = contentChild<TemplateRef<OrderedItemContext<T>>>('details');
  protected readonly renameFields = contentChild.required<TemplateRef<OrderedItemContext<T>>>('renameFields');
}
