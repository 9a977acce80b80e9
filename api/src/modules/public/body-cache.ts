/**
 * A least-recently-used cache bounded by the number of entries and by their total size: a Map keeps
 * insertion order, so re-inserting on every hit puts the least recently used first in line.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private totalBytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Stores `value` as the most recently used; a value larger than the whole bound is not kept. */
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    this.evict();
  }

  /** Re-measures `key` after its value grew (a compressed variant added), evicting others if needed. */
  resize(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const bytes = this.sizeOf(entry.value);
    this.totalBytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.evict(key);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  /** Deletes every entry whose value matches. */
  deleteWhere(matches: (value: V, key: string) => boolean): void {
    for (const [key, entry] of [...this.entries]) if (matches(entry.value, key)) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  private evict(keep?: string): void {
    for (const [key] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) return;
      if (key !== keep) this.delete(key);
    }
    if (keep && this.totalBytes > this.maxBytes) this.delete(keep);
  }
}
