/**
 * A small cache for expensive reads (the overview): entries live `ttlMs`, writes through the API
 * clear everything at once, and concurrent misses share one computation.
 * Writes by other processes (the pipeline) show up within `ttlMs`.
 * @module
 */
export class ReadCache {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { at: number; value: Promise<unknown> }>();
  #generation = 0;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  async get<T>(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && now - hit.at < this.#ttlMs) return hit.value as Promise<T>;
    const generation = this.#generation;
    const value = compute();
    this.#entries.set(key, { at: now, value });
    try {
      return await value;
    } catch (error) {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
      throw error;
    } finally {
      // A write landed while computing: the value may predate it.
      if (generation !== this.#generation && this.#entries.get(key)?.value === value) {
        this.#entries.delete(key);
      }
    }
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
