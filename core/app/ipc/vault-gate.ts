/**
 * Runs vault work one call at a time. better-sqlite3 allows no other statement on a connection
 * while an iterator is open, and a report streams rows through iterators across awaits, so a
 * list call arriving meanwhile waits here instead of failing with "connection is busy".
 */
export class VaultGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(() => work());
    // The next call waits for this one whether it succeeds or fails.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
