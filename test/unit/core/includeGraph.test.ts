import * as assert from 'node:assert/strict';
import { partialCycleMessage, resolveIncludeGraph } from '../../../src/core/rendering/includeGraph';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });
/** Files as `name: 'includes a, b'`; a file's includes are the names after "includes". */
const includesOf = (source: string): string[] => (source.startsWith('includes ') ? source.slice('includes '.length).split(', ') : []);

describe('the files a prompt includes', () => {
  it('follows includes of includes, asking for each file once, and keeps missing ones as undefined', async () => {
    const files: Record<string, string> = { a: 'includes b, c', b: 'includes c, gone', c: 'leaf' };
    const asked: string[] = [];
    const graph = await resolveIncludeGraph([{ name: 'a', range: at(1) }, { name: 'c', range: at(2) }], includesOf, (name) => {
      asked.push(name);
      return files[name];
    });
    assert.deepEqual(asked, ['a', 'b', 'c', 'gone']);
    assert.deepEqual([...graph.sources], [['a', 'includes b, c'], ['b', 'includes c, gone'], ['c', 'leaf'], ['gone', undefined]]);
    assert.deepEqual([graph.cycle, graph.cycleEntry], [undefined, undefined]);
  });

  it('reports the first cycle, where the prompt enters it, and still looks up every other file', async () => {
    const files: Record<string, string> = { ok: 'leaf', a: 'includes b', b: 'includes c', c: 'includes a, d', d: 'leaf' };
    const graph = await resolveIncludeGraph([{ name: 'ok', range: at(1) }, { name: 'a', range: at(4) }], includesOf, async (name) => files[name]);
    assert.deepEqual(graph.cycle, ['a', 'b', 'c', 'a']);
    assert.deepEqual(graph.cycleEntry, at(4));
    assert.deepEqual([...graph.sources.keys()], ['ok', 'a', 'b', 'c', 'd']);
    assert.equal(partialCycleMessage(graph.cycle ?? []), 'The partials include each other in a cycle (a → b → c → a), so rendering would never end.');
  });

  it('says a file includes itself in the words for a one-file cycle', async () => {
    const graph = await resolveIncludeGraph([{ name: 'self', range: at(0) }], includesOf, () => 'includes self');
    assert.deepEqual(graph.cycle, ['self', 'self']);
    assert.equal(partialCycleMessage(graph.cycle ?? []), "The partial 'self' includes itself, so rendering it would never end.");
  });

  it('stops following a chain of includes 8 files deep', async () => {
    const asked: string[] = [];
    const graph = await resolveIncludeGraph([{ name: 'f0', range: at(0) }], includesOf, (name) => {
      asked.push(name);
      return `includes f${Number(name.slice(1)) + 1}`;
    });
    assert.deepEqual(asked, ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7']);
    assert.equal(graph.cycle, undefined);
  });
});
