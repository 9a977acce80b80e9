import { Injectable, signal } from '@angular/core';

/** One field whose value someone else changed while the user was working. */
export interface ConflictLine {
  /** Translated field name. */
  label: string;
  /** Formatted values: what the user started from, what holds now, and what the user wants. */
  started: string;
  now: string;
  mine: string | null;
}

export interface ConflictRequest {
  /** Fields whose current value differs from what the user started from. */
  lines: ConflictLine[];
}

/** `mine`: send again on top of the new version; `discard`: take the new version; `cancel`: keep editing. */
export type ConflictChoice = 'mine' | 'discard' | 'cancel';

/**
 * The page's one conflict prompt: whoever got a 409 asks, and waits for the user's answer, which
 * `<fd-conflict-dialog>` collects.
 */
@Injectable()
export class ConflictPrompt {
  private readonly current = signal<(ConflictRequest & { resolve: (choice: ConflictChoice) => void }) | null>(null);
  readonly request = this.current.asReadonly();

  ask(request: ConflictRequest): Promise<ConflictChoice> {
    this.current()?.resolve('cancel');
    return new Promise((resolve) => this.current.set({ ...request, resolve }));
  }

  answer(choice: ConflictChoice): void {
    const pending = this.current();
    this.current.set(null);
    pending?.resolve(choice);
  }
}
