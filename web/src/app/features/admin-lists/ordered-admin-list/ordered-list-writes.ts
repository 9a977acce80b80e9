import { signal, type WritableSignal } from '@angular/core';
import type { Problem } from '@fremdrift/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { toProblem, type Translate } from '../../../core/http/problem';
import { moveChanges } from '../ordering';
import type { OrderedItem } from './ordered-admin-list';

export interface OrderedListWritesOptions<T extends OrderedItem> {
  /** The entries in their order, as shown. */
  readonly items: WritableSignal<T[]>;
  readonly update: (id: string, change: { sortOrder: number } | { active: boolean }) => Observable<T>;
  /** Puts a saved entry in its place. */
  readonly replace: (updated: T) => void;
  readonly nameOf: (item: T) => string;
  readonly t: Translate;
  readonly focus: (selector: string) => void;
  /** Reads the list again after a failed write. */
  readonly reload: () => void;
  /** Translation keys of the confirmations for a change of status. */
  readonly keys: { readonly reactivated: string; readonly deactivated: string };
}

/**
 * What both admin lists do the same way: move an entry up or down and change its status, one write
 * at a time, saying what happened (or what went wrong) and keeping the focus on the list.
 */
export class OrderedListWrites<T extends OrderedItem> {
  /** The last thing that went well, read out politely (translated). */
  readonly confirmation = signal('');
  /** What went wrong with a move or a change of status. */
  readonly actionProblem = signal<Problem | null>(null);
  readonly busy = signal(false);

  constructor(private readonly options: OrderedListWritesOptions<T>) {}

  async move(index: number, delta: -1 | 1): Promise<void> {
    const { items, update, replace, nameOf, t, focus } = this.options;
    const list = items();
    const moved = list[index];
    const changes = moveChanges(list, index, delta);
    if (!moved || changes.length === 0) return;
    await this.act(async () => {
      for (const change of changes) replace(await firstValueFrom(update(change.id, { sortOrder: change.sortOrder })));
      const position = items().findIndex((item) => item.id === moved.id);
      const count = items().length;
      this.confirmation.set(t('adminLists.movedTo', { name: nameOf(moved), position: position + 1, count }));
      // The button pressed may now be disabled (at the top or the bottom): then the other one.
      const direction = (delta === -1 && position > 0) || (delta === 1 && position === count - 1) ? 'up' : 'down';
      focus(`#move-${direction}-${moved.id}`);
    });
  }

  async setActive(item: T, active: boolean): Promise<void> {
    const { update, replace, nameOf, t, keys } = this.options;
    await this.act(async () => {
      const updated = await firstValueFrom(update(item.id, { active }));
      replace(updated);
      this.confirmation.set(t(active ? keys.reactivated : keys.deactivated, { name: nameOf(updated) }));
    });
  }

  /** One write at a time; a failure is shown above the list, which is then read again. */
  private async act(write: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    this.confirmation.set('');
    try {
      await write();
    } catch (error) {
      this.actionProblem.set(toProblem(error, this.options.t));
      this.options.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
