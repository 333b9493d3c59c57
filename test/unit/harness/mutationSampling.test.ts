import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareListedMutants, holdsSampledPlace, mutatePattern, reportFromRecords, sampledPlaces, scoreByFile, sampleMutants, tallySample, wilsonInterval, type ListedMutant, type MutationReport } from '../../harness/mutationSampling';

function mutant(fileName: string, line: number, column: number, mutatorName = 'ConditionalExpression', replacement = 'true'): ListedMutant {
  return { fileName, mutatorName, replacement, location: { start: { line, column }, end: { line, column: column + 5 } } };
}

/** The same mutant as Stryker's mutation.json reports it: lines and columns counted from 1. */
function reported(listed: ListedMutant, status: string): MutationReport['files'][string]['mutants'][number] {
  const { start, end } = listed.location;
  return {
    mutatorName: listed.mutatorName,
    replacement: listed.replacement,
    status,
    location: { start: { line: start.line + 1, column: start.column + 1 }, end: { line: end.line + 1, column: end.column + 1 } },
  };
}

describe('mutation score from a sample of mutants', () => {
  it('tells Stryker the sampled range with lines from 1 and columns from 0, as its mutate patterns read them', () => {
    const listed: ListedMutant = { fileName: 'src/core/a.ts', mutatorName: 'BlockStatement', replacement: '{}', location: { start: { line: 18, column: 73 }, end: { line: 22, column: 1 } } };
    assert.equal(mutatePattern(listed), 'src/core/a.ts:19:73-23:1');
  });

  it('counts only the sampled mutants of a report, by their status, and names the undetected ones', () => {
    const killed = mutant('src/a.ts', 1, 0);
    const timedOut = mutant('src/a.ts', 2, 0);
    const survived = mutant('src/a.ts', 3, 4, 'EqualityOperator', 'a <= b');
    const uncovered = mutant('src/b.ts', 1, 0);
    const compileError = mutant('src/b.ts', 2, 0);
    const nested = mutant('src/a.ts', 3, 6, 'StringLiteral', '""');
    const gone = mutant('src/c.ts', 9, 9);
    const report: MutationReport = {
      files: {
        'src/a.ts': { mutants: [reported(killed, 'Killed'), reported(timedOut, 'Timeout'), reported(survived, 'Survived'), reported(nested, 'Survived')] },
        'src/b.ts': { mutants: [reported(uncovered, 'NoCoverage'), reported(compileError, 'CompileError')] },
      },
    };
    const tally = tallySample([killed, timedOut, survived, uncovered, compileError, gone], report);
    assert.equal(tally.detected, 2);
    assert.equal(tally.undetected, 2);
    assert.equal(tally.invalid, 1);
    assert.deepEqual(tally.missing, [gone]);
    assert.deepEqual(
      tally.undetectedMutants.map(({ mutant: { fileName, location }, status }) => `${status} ${fileName}:${location.start.line}`),
      ['Survived src/a.ts:3', 'NoCoverage src/b.ts:1'],
    );
  });

  it('does not take a mutant for another with the same place but a different replacement', () => {
    const lessOrEqual = mutant('src/a.ts', 3, 4, 'EqualityOperator', 'a <= b');
    const greater = mutant('src/a.ts', 3, 4, 'EqualityOperator', 'a > b');
    const tally = tallySample([lessOrEqual], { files: { 'src/a.ts': { mutants: [reported(greater, 'Killed'), reported(lessOrEqual, 'Survived')] } } });
    assert.deepEqual([tally.detected, tally.undetected], [0, 1]);
  });

  it('keeps a node only where it is the place of a sampled mutant or contains one, reading the lines of Babel from 1', () => {
    // A sampled block statement on lines 19–23 (from 1) of a.ts, columns 73 to 1.
    const block: ListedMutant = { fileName: 'src/core/a.ts', mutatorName: 'BlockStatement', replacement: '{}', location: { start: { line: 18, column: 73 }, end: { line: 22, column: 1 } } };
    const places = sampledPlaces([block]);
    const at = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({ start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } });
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(19, 73, 23, 1)), true, 'the sampled node itself');
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(19, 60, 23, 1)), true, 'the function around it');
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(1, 0, 40, 0)), true, 'the whole program');
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(20, 2, 20, 30)), false, 'a statement nested inside it');
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(19, 74, 23, 1)), false, 'starting one column late');
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(19, 73, 23, 0)), false, 'ending one column early');
    assert.equal(holdsSampledPlace(places, 'src/core/a.ts', at(18, 73, 22, 1)), false, 'the same numbers read as counted from 0');
    assert.equal(holdsSampledPlace(places, 'src/core/b.ts', at(1, 0, 40, 0)), false, 'another file');
  });

  it('tallies the mutants a stopped run recorded as it would tally the finished report', () => {
    const killed = mutant('src/b.ts', 1, 0);
    const survived = mutant('src/a.ts', 3, 4, 'EqualityOperator', 'a <= b');
    const notReached = mutant('src/a.ts', 9, 0);
    const records = [
      { fileName: 'src/b.ts', ...reported(killed, 'Killed') },
      { fileName: 'src/a.ts', ...reported(survived, 'Survived') },
      { fileName: 'src/a.ts', ...reported(mutant('src/a.ts', 5, 0), 'Timeout') },
      { fileName: 'src/a.ts', ...reported(mutant('src/a.ts', 6, 0), 'CompileError') },
      { fileName: 'src/a.ts', ...reported(mutant('src/a.ts', 7, 0), 'NoCoverage') },
    ];
    const report = reportFromRecords(records);
    const tally = tallySample([killed, survived, notReached], report);
    assert.deepEqual([tally.detected, tally.undetected, tally.invalid], [1, 1, 0]);
    assert.deepEqual(tally.missing, [notReached]);
    assert.deepEqual(scoreByFile(report), [
      { fileName: 'src/a.ts', detected: 1, undetected: 2, invalid: 1 },
      { fileName: 'src/b.ts', detected: 1, undetected: 0, invalid: 0 },
    ]);
  });

  it('gives the Wilson 95% interval of a score', () => {
    // 160 of 200: 80%, interval 73.9%–85.0% (Wilson, z = 1.959964).
    const interval = wilsonInterval(160, 200, 1.959964);
    assert.equal(interval.score, 0.8);
    assert.equal(interval.low.toFixed(4), '0.7391');
    assert.equal(interval.high.toFixed(4), '0.8495');
    // All detected: the interval still has width below 100%.
    const all = wilsonInterval(50, 50, 1.959964);
    assert.equal(all.high.toFixed(4), '1.0000');
    assert.equal(all.low.toFixed(4), '0.9287');
  });

  it('draws a sample without repeats, of the size asked, from the same seed the same way', () => {
    const listed = Array.from({ length: 30 }, (_, i) => mutant(`src/f${i % 4}.ts`, i, 0));
    const sequence = [0.5, 0.1, 0.99, 0, 0.7];
    const draw = () => {
      let i = 0;
      return sampleMutants(listed, 5, () => sequence[i++ % sequence.length] ?? 0);
    };
    const first = draw();
    assert.equal(first.length, 5);
    assert.equal(new Set(first).size, 5);
    assert.deepEqual(first, draw());
    // u = 0.5 over 30 places picks index 15 first; u = 0.1 over the 29 left picks index 1 + 2 = 3.
    assert.deepEqual([first[0], first[1]], [listed[15], listed[3]]);
  });

  it('gives every mutant the same chance of being drawn', () => {
    const listed = Array.from({ length: 10 }, (_, i) => mutant('src/a.ts', i, 0));
    const counts = new Array<number>(10).fill(0);
    let state = 12345;
    // A fixed linear congruential sequence: the same counts on every run.
    const uniform = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20_000; round++) for (const picked of sampleMutants(listed, 3, uniform)) counts[picked.location.start.line]!++;
    // Each of the 10 is expected 6,000 times; a bias toward the front or the back would show as a count far from it.
    for (const count of counts) assert.ok(Math.abs(count - 6000) < 300, `counts ${counts.join(', ')}`);
  });

  it('samples without repeats and within the list, for any list, size and random sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 50 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }), (length, size, values) => {
        const listed = Array.from({ length }, (_, i) => mutant('src/a.ts', i, 0));
        let i = 0;
        const picked = sampleMutants(listed, size, () => values[i++ % values.length] ?? 0);
        assert.equal(picked.length, Math.min(size, length));
        assert.equal(new Set(picked).size, picked.length);
        for (const one of picked) assert.ok(listed.includes(one));
      }),
    );
  });

  it('orders mutants by file, place, mutator and replacement, so a seed picks the same ones whatever order they were listed in', () => {
    const a = mutant('src/a.ts', 2, 0, 'EqualityOperator', 'x');
    const b = mutant('src/a.ts', 2, 0, 'EqualityOperator', 'y');
    const c = mutant('src/a.ts', 10, 0);
    const d = mutant('src/b.ts', 1, 0);
    assert.deepEqual([d, c, b, a].sort(compareListedMutants), [a, b, c, d]);
  });

  it('keeps the interval around the score and inside 0–100% for any count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (valid, fraction) => {
        const detected = Math.round(valid * fraction);
        const { score, low, high } = wilsonInterval(detected, valid, 1.959964);
        assert.ok(low >= 0 && high <= 1 && low <= score + 1e-12 && score <= high + 1e-12, `${detected}/${valid}: ${low} ${score} ${high}`);
      }),
    );
  });
});
