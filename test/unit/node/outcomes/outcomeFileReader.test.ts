import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OutcomeTally } from '../../../../src/core/outcomes/outcomeTally';
import { isCsvOutcomeFile, OutcomeFileError, readOutcomeFile } from '../../../../src/node/outcomes/outcomeFileReader';

/** A tally that records what the reader hands it, line numbers included. */
class RecordingTally extends OutcomeTally {
  readonly calls: string[] = [];

  constructor() {
    super({ prompt: 'support', label: 'prod', stableCommit: 'a'.repeat(40), canaryCommit: 'b'.repeat(40) });
  }

  override addJsonLine(text: string, line: number): void {
    this.calls.push(`json ${line}: ${text}`);
  }

  override addRecord(value: unknown, line: number): void {
    this.calls.push(`record ${line}: ${JSON.stringify(value)}`);
  }

  override addMalformed(line: number, detail: string): void {
    this.calls.push(`malformed ${line}: ${detail}`);
  }
}

class ThrowingTally extends RecordingTally {
  override addJsonLine(): void {
    throw new Error('the tally broke');
  }
}

describe('Reading an outcome file', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-outcomes-')));
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  function write(name: string, content: string | Buffer): string {
    const file = path.join(folder, name);
    fs.writeFileSync(file, content);
    return file;
  }

  it('only a .csv extension, in any case, makes a file CSV', () => {
    assert.equal(isCsvOutcomeFile('out/rows.csv'), true);
    assert.equal(isCsvOutcomeFile('out/ROWS.CSV'), true);
    assert.equal(isCsvOutcomeFile('out/rows.csv.jsonl'), false);
    assert.equal(isCsvOutcomeFile('out/rows.jsonl'), false);
    assert.equal(isCsvOutcomeFile('out/csv'), false);
  });

  it('a missing file is refused with its name', async () => {
    const file = path.join(folder, 'missing.jsonl');
    await assert.rejects(readOutcomeFile(file, new RecordingTally()), (error: unknown) => {
      assert.ok(error instanceof OutcomeFileError);
      assert.equal(error.message, `The outcome file ${file} does not exist.`);
      return true;
    });
  });

  it('a folder is refused as not a regular file', async () => {
    await assert.rejects(readOutcomeFile(folder, new RecordingTally()), (error: unknown) => {
      assert.ok(error instanceof OutcomeFileError);
      assert.equal(error.message, `The outcome file ${folder} is not a regular file.`);
      return true;
    });
  });

  it('JSON Lines go to the tally line by line with their line numbers, a last line without newline included', async () => {
    const tally = new RecordingTally();
    await readOutcomeFile(write('rows.jsonl', '{"a":1}\n\n{"b":2}\r\n{"c":3}'), tally);
    assert.deepEqual(tally.calls, ['json 1: {"a":1}', 'json 2: ', 'json 3: {"b":2}\r', 'json 4: {"c":3}']);
  });

  it('a JSON Lines file ending in a newline has no extra empty line', async () => {
    const tally = new RecordingTally();
    await readOutcomeFile(write('rows.ndjson', '{"a":1}\n'), tally);
    assert.deepEqual(tally.calls, ['json 1: {"a":1}']);
  });

  it('a line that spans read chunks, with a character split between them, arrives whole', async () => {
    const tally = new RecordingTally();
    const long = 'x'.repeat((1 << 20) - 1);
    await readOutcomeFile(write('big.jsonl', `${long}é\nnext\n`), tally);
    assert.equal(tally.calls.length, 2);
    assert.equal(tally.calls[0], `json 1: ${long}é`);
    assert.equal(tally.calls[1], 'json 2: next');
  });

  it('a failure while reading is reported as "Could not read" with the file and the cause', async () => {
    const file = write('rows.jsonl', '{"a":1}\n');
    await assert.rejects(readOutcomeFile(file, new ThrowingTally()), (error: unknown) => {
      assert.ok(error instanceof OutcomeFileError);
      assert.equal(error.message, `Could not read ${file}: the tally broke`);
      return true;
    });
  });

  it('an aborted read rejects with the abort itself, not an outcome file error', async () => {
    const file = write('rows.jsonl', '{"a":1}\n');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(readOutcomeFile(file, new RecordingTally(), controller.signal), (error: unknown) => {
      assert.ok(!(error instanceof OutcomeFileError));
      assert.equal((error as Error).name, 'AbortError');
      return true;
    });
  });

  it('CSV records become rows with their line numbers; blank lines are skipped and a byte-order mark is ignored', async () => {
    const tally = new RecordingTally();
    const csv = '\ufeffprompt,label,arm,commit,unit,metrics.cost\nsupport,prod,stable,aaa,u1,1.5\n\nsupport,prod,canary,bbb,u2,\nsupport,prod,canary\n';
    await readOutcomeFile(write('rows.csv', csv), tally);
    assert.deepEqual(tally.calls, [
      'record 2: {"prompt":"support","label":"prod","arm":"stable","commit":"aaa","unit":"u1","metrics":{"cost":1.5}}',
      'record 4: {"prompt":"support","label":"prod","arm":"canary","commit":"bbb","unit":"u2","metrics":{}}',
      'malformed 5: 3 cells under a header of 6',
    ]);
  });

  it('a CSV without the required columns is refused at line 1', async () => {
    const file = write('rows.CSV', 'prompt,label,arm,commit\nsupport,prod,stable,aaa\n');
    await assert.rejects(readOutcomeFile(file, new RecordingTally()), (error: unknown) => {
      assert.ok(error instanceof OutcomeFileError);
      assert.equal(error.message, `${file}:1: The CSV header has no "unit" column; it needs prompt, label, arm, commit, unit and one column per metric.`);
      return true;
    });
  });

  it('an empty CSV is refused: it needs a header row', async () => {
    const file = write('rows.csv', '\n\n');
    await assert.rejects(readOutcomeFile(file, new RecordingTally()), (error: unknown) => {
      assert.ok(error instanceof OutcomeFileError);
      assert.equal(error.message, `${file} is empty; an outcome CSV starts with a header row.`);
      return true;
    });
  });

  it('a CSV that does not parse is reported as "Could not read" the file', async () => {
    const file = write('rows.csv', 'prompt,label,arm,commit,unit\n"support,prod,stable,aaa,u1\n');
    await assert.rejects(readOutcomeFile(file, new RecordingTally()), (error: unknown) => {
      assert.ok(error instanceof OutcomeFileError);
      assert.ok(error.message.startsWith(`Could not read ${file}: `), error.message);
      return true;
    });
  });
});
