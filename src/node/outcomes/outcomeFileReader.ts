import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { outcomeCsvHeader, outcomeCsvRecord, type OutcomeCsvHeader } from '../../core/outcomes/outcomeCsv';
import type { OutcomeTally } from '../../core/outcomes/outcomeTally';

/** An outcome file that cannot be read at all: missing, a directory, a CSV without the required columns. */
export class OutcomeFileError extends Error {}

/** Whether a file holds CSV (by its extension) rather than JSON Lines. */
export function isCsvOutcomeFile(file: string): boolean {
  return /\.csv$/i.test(file);
}

/**
 * Streams an outcome file into a tally, a chunk at a time: JSON Lines (`.jsonl`, `.ndjson`, anything
 * else) line by line, `.csv` record by record. Rows are never all in memory at once.
 */
export async function readOutcomeFile(file: string, tally: OutcomeTally, signal?: AbortSignal): Promise<void> {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new OutcomeFileError(`The outcome file ${file} does not exist.`);
  }
  if (!stat.isFile()) throw new OutcomeFileError(`The outcome file ${file} is not a regular file.`);
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) });
  try {
    if (isCsvOutcomeFile(file)) await readCsv(stream, file, tally);
    else await readJsonLines(stream, tally);
  } catch (error) {
    if (error instanceof OutcomeFileError) throw error;
    if (signal?.aborted) throw error;
    throw new OutcomeFileError(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readJsonLines(stream: fs.ReadStream, tally: OutcomeTally): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  for await (const chunk of stream) {
    const text = pending + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      line++;
      tally.addJsonLine(text.slice(start, end), line);
      start = end + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') tally.addJsonLine(pending, line + 1);
}

async function readCsv(stream: fs.ReadStream, file: string, tally: OutcomeTally): Promise<void> {
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: OutcomeCsvHeader | undefined;
  for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      const parsed = outcomeCsvHeader(entry.record);
      if (typeof parsed === 'string') throw new OutcomeFileError(`${file}:1: ${parsed}`);
      header = parsed;
      continue;
    }
    const record = outcomeCsvRecord(header, entry.record);
    if ('problem' in record) tally.addMalformed(entry.info.lines, record.problem);
    else tally.addRecord(record.row, entry.info.lines);
  }
  if (!header) throw new OutcomeFileError(`${file} is empty; an outcome CSV starts with a header row.`);
}
