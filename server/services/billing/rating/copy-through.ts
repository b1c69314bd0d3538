import { StringDecoder } from "node:string_decoder";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

// Streams rows out of PostgreSQL (COPY … TO STDOUT) through a synchronous per-row transform into
// batches that one or more writers take from a bounded queue. Reading and transforming go on while
// the writers work on earlier batches, so the reader's backend, this process and the writers'
// backends work in parallel, and memory stays flat whatever the row count. Lines are COPY text
// format; the transform returns the output line (with its "\n") or null to drop the row.

/** Output lines are joined into strings of about this many characters. */
const CHUNK_CHARS = 1 << 20;
/** Rows per batch. */
const BATCH_ROWS = 50_000;

export type Batch<T> = { chunks: string[]; rows: number; tag: T };

/** Writes one batch (on a connection of its own); several sinks take batches concurrently. */
export type BatchSink<T> = (batch: Batch<T>) => Promise<void>;

export type CopyThroughOptions<T> = {
  reader: pg.ClientBase;
  /** A SELECT (no trailing semicolon). */
  select: string;
  transform: (line: string) => string | null;
  sinks: ReadonlyArray<BatchSink<T>>;
  /** Called when a batch is complete; what it returns travels with the batch (e.g. its counts). */
  tagBatch: () => T;
  /** Called after each input chunk, with how many lines were read so far. */
  onProgress?: (linesRead: number) => void;
  batchRows?: number;
};

/** A bounded hand-over between the reading loop and the writers, failing both ways. */
class BatchQueue<T> {
  private readonly batches: Batch<T>[] = [];
  private closed = false;
  private failure: unknown = null;
  private waiters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  async put(batch: Batch<T>): Promise<void> {
    while (this.batches.length >= this.capacity && !this.failure) await this.wait();
    this.check();
    this.batches.push(batch);
    this.wakeAll();
  }

  async take(): Promise<Batch<T> | null> {
    while (this.batches.length === 0 && !this.closed && !this.failure) await this.wait();
    this.check();
    const batch = this.batches.shift() ?? null;
    this.wakeAll();
    return batch;
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  fail(error: unknown): void {
    this.failure ??= error;
    this.wakeAll();
  }

  check(): void {
    if (this.failure) throw this.failure;
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

export async function copyThrough<T>(options: CopyThroughOptions<T>): Promise<{ read: number; written: number }> {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const queue = new BatchQueue<T>(options.sinks.length + 1);
  const sinks = options.sinks.map(async (sink) => {
    try {
      for (let batch = await queue.take(); batch; batch = await queue.take()) await sink(batch);
    } catch (error) {
      queue.fail(error);
      throw error;
    }
  });
  // Settles only when every writer has stopped (one failing stops the others at their next batch).
  const writing = Promise.allSettled(sinks).then((settled) => {
    const failed = settled.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  });
  // Observed at once: a writer failure must not become an unhandled rejection before it is awaited.
  writing.catch(() => undefined);

  const source = options.reader.query(copyTo(`COPY (${options.select}) TO STDOUT`));
  const decoder = new StringDecoder("utf8");
  let tail = "";
  let read = 0;
  let written = 0;
  let lines: string[] = [];
  let lineChars = 0;
  let batch: Omit<Batch<T>, "tag"> = { chunks: [], rows: 0 };
  const seal = () => {
    if (lines.length === 0) return;
    batch.chunks.push(lines.join(""));
    lines = [];
    lineChars = 0;
  };
  const ship = async () => {
    seal();
    const full: Batch<T> = { ...batch, tag: options.tagBatch() };
    batch = { chunks: [], rows: 0 };
    await queue.put(full);
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      queue.check();
      const text = tail + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
        const row = options.transform(text.slice(start, end));
        start = end + 1;
        read++;
        if (row === null) continue;
        lines.push(row);
        lineChars += row.length;
        batch.rows++;
        written++;
      }
      tail = text.slice(start);
      options.onProgress?.(read);
      if (lineChars >= CHUNK_CHARS) seal();
      if (batch.rows >= batchRows) await ship();
    }
    tail += decoder.end();
    if (tail.length > 0) throw new Error("COPY output ended in the middle of a row");
    if (batch.rows > 0 || lines.length > 0) await ship();
    queue.close();
  } catch (error) {
    source.destroy();
    queue.fail(error);
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
  return { read, written };
}
