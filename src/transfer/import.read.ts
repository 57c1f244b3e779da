import { createReadStream } from "node:fs";
import { none, getManyValues, isMany } from "stream-chain/defs.js";
import Assembler from "stream-json/assembler.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";

// Reading an import file as a stream, once per pass, so that a file of any
// size is held a record at a time (stream-json's tokenizer, fed line by
// line so a syntax error can name its line).

/** The file's text, from the start, each time it is called: one call a pass. */
export type Chunks = () => AsyncIterable<string>;

export const fileChunks =
  (file: string): Chunks =>
  () =>
    createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });

export const textChunks = (text: string): Chunks =>
  async function* () {
    yield text;
  };

/** The text's lines, each with its line end, numbered from 1. */
export async function* lines(chunks: Chunks): AsyncGenerator<[string, number]> {
  let carry = "";
  let n = 0;
  for await (const chunk of chunks()) {
    const text = carry + chunk;
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      yield [text.slice(start, end + 1), ++n];
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry) yield [carry, ++n];
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A member of the root object: the start of one of its lists, an element of it (with its index and line), or another value. */
export type JsonItem =
  { start: string; line: number } | { list: string; index: number; line: number; value: unknown } | { key: string; line: number; value: unknown };

const SCALARS = new Set(["stringValue", "numberValue", "nullValue", "trueValue", "falseValue"]);

const scalar = (t: Token): unknown => (t.name === "numberValue" ? Number(t.value) : "value" in t ? t.value : undefined);

/**
 * The root object's members, a list element at a time. A root that is not
 * an object yields one item with key "" holding what it is, for the
 * caller's message.
 */
export async function* jsonItems(chunks: Chunks): AsyncGenerator<JsonItem> {
  const parse = jsonParser({ packValues: true, streamValues: false });
  let depth = 0;
  let key = "";
  let list: string | null = null;
  let index = 0;
  let asm: Assembler | null = null;
  let startLine = 0;
  let line = 0;
  const items: JsonItem[] = [];

  const take = (t: Token) => {
    if (asm) {
      asm.consume(t);
      if (asm.done) {
        items.push(list === null ? { key, line: startLine, value: asm.current } : { list, index: index++, line: startLine, value: asm.current });
        asm = null;
      }
      return;
    }
    if (depth === 0) {
      if (t.name === "startObject") depth = 1;
      else items.push({ key: "", line, value: SCALARS.has(t.name) ? scalar(t) : t.name === "startArray" ? [] : undefined });
      return;
    }
    if (t.name === "keyValue" && depth === 1) key = t.value;
    else if (t.name === "endObject" && depth === 1) depth = 0;
    else if (t.name === "startArray" && depth === 1) {
      [depth, list, index] = [2, key, 0];
      items.push({ start: key, line });
    } else if (t.name === "endArray" && depth === 2) [depth, list] = [1, null];
    else if (SCALARS.has(t.name)) items.push(list === null ? { key, line, value: scalar(t) } : { list, index: index++, line, value: scalar(t) });
    else if (t.name === "startObject" || t.name === "startArray") {
      asm = new Assembler();
      startLine = line;
      asm.consume(t);
    }
  };

  const feed = (text: string | typeof none) => {
    let out;
    try {
      out = parse(text as string);
    } catch (err) {
      throw new JsonSyntaxError(line, `The file is not valid JSON: ${(err as Error).message.replace(/^Parser cannot parse input: /, "")}.`);
    }
    if (out === none) return;
    if (isMany(out)) for (const t of getManyValues<Token>(out)) take(t);
    else take(out);
  };

  let first = true;
  for await (const [text, n] of lines(chunks)) {
    line = n;
    feed(first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    first = false;
    yield* items.splice(0);
  }
  if (first) throw new JsonSyntaxError(1, "The file is empty; a Claimtrack export is a JSON object.");
  feed(none);
  yield* items.splice(0);
}
