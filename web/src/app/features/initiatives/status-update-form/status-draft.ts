import type { Health } from '@fremdrift/contracts';

/** What the status update form holds; empty strings for what is not filled in. */
export interface StatusUpdateModel {
  periodStart: string;
  periodEnd: string;
  health: Health;
  narrative: string;
  blockers: string;
  nextSteps: string;
  internalText: string;
  publicText: string;
  delayCauseId: string;
  delayReason: string;
}

interface StoredDraft {
  savedAt: string;
  value: StatusUpdateModel;
}

const PREFIX = 'fremdrift.statusDraft';

/** One user's unsent status update for one initiative, kept in this browser until it is sent. */
export class StatusDraftStore {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
    private readonly userId: string,
  ) {}

  private key(initiativeId: string): string {
    return `${PREFIX}.${this.userId}.${initiativeId}`;
  }

  load(initiativeId: string): StoredDraft | null {
    try {
      const raw = this.storage?.getItem(this.key(initiativeId));
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredDraft>;
      return parsed && typeof parsed.value === 'object' && parsed.value !== null ? (parsed as StoredDraft) : null;
    } catch {
      return null;
    }
  }

  save(initiativeId: string, value: StatusUpdateModel, now = new Date()): void {
    try {
      this.storage?.setItem(this.key(initiativeId), JSON.stringify({ savedAt: now.toISOString(), value }));
    } catch {
      // A full or refused storage only means the draft is not kept across a reload.
    }
  }

  clear(initiativeId: string): void {
    try {
      this.storage?.removeItem(this.key(initiativeId));
    } catch {
      // See save().
    }
  }
}

/** The browser's localStorage, or null where it is refused (private browsing, tests). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
