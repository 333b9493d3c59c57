import * as assert from 'node:assert/strict';
import { DisposableScope } from '../../src/extension/disposableScope';

function tracked(log: string[], name: string, fail = false) {
  return {
    dispose: () => {
      log.push(name);
      if (fail) throw new Error(`${name} broke`);
    },
  };
}

describe('Disposable scope', () => {
  it('releases everything it holds, newest first, once', () => {
    const log: string[] = [];
    const scope = new DisposableScope();
    scope.add(tracked(log, 'watcher'));
    scope.add(tracked(log, 'listener'));
    scope.add(tracked(log, 'emitter'));
    assert.equal(scope.size, 3);
    scope.dispose();
    scope.dispose();
    assert.deepEqual(log, ['emitter', 'listener', 'watcher']);
    assert.equal(scope.size, 0);
  });

  it('one dispose that throws does not keep the others alive, and the failure is reported', () => {
    const log: string[] = [];
    const scope = new DisposableScope();
    scope.add(tracked(log, 'first'));
    scope.add(tracked(log, 'broken', true));
    scope.add(tracked(log, 'last'));
    assert.throws(() => scope.dispose(), { name: 'AggregateError', message: '1 of the scope\'s disposables failed to dispose.' });
    assert.deepEqual(log, ['last', 'broken', 'first']);
  });

  it('what is added after the scope was disposed is released at once instead of leaking', () => {
    const log: string[] = [];
    const scope = new DisposableScope();
    scope.dispose();
    const late = scope.add(tracked(log, 'late watcher'));
    assert.deepEqual(log, ['late watcher']);
    assert.equal(scope.size, 0);
    assert.equal(typeof late.dispose, 'function');
  });
});
