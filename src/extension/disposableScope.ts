/** Anything that holds a resource until disposed: a VS Code Disposable, watcher, emitter or registration. */
export interface Releasable {
  dispose(): unknown;
}

/**
 * Owns what a component registers (watchers, listeners, emitters, providers) and releases all of it
 * at once, newest first; one failing dispose does not keep the others alive, and anything added
 * after the scope was disposed is released at once instead of leaking.
 */
export class DisposableScope {
  private readonly items: Releasable[] = [];
  private disposed = false;

  /** Takes ownership of `item` and returns it, so a registration can be kept in one line. */
  add<T extends Releasable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** How many items the scope still holds (zero once disposed). */
  get size(): number {
    return this.items.length;
  }

  dispose(): void {
    this.disposed = true;
    const failures: unknown[] = [];
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of the scope's disposables failed to dispose.`);
  }
}
