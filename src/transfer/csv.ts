// RFC 4180 CSV, both ways, for the ledger's spreadsheet export and its import.

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first),
 * also behind quotes already prefixed: export puts one ' in front of such a
 * cell, the import takes exactly one off, so any text survives the round
 * trip and "'=x" stays "'=x".
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export const protectCell = (value: string) => (FORMULA.test(value) ? `'${value}` : value);
export const unprotectCell = (value: string) => (value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value);

/** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** One record, formula-protected and quoted, CRLF-terminated. */
export const csvLine = (cells: readonly string[]) => cells.map((c) => quote(protectCell(c))).join(",") + "\r\n";

export interface CsvRecord {
  /** the physical line the record starts on, the header being line 1 */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Records of RFC 4180 text, fed a piece at a time: quoted fields with
 * doubled quotes and line breaks inside, CRLF, LF or CR line ends, a leading
 * byte-order mark. Lenient where spreadsheets are (a stray quote inside an
 * unquoted field is kept as text); a quoted field never closed is an error,
 * since the rest of the file would silently become one cell.
 */
export class CsvReader {
  #cells: string[] = [];
  #cell = "";
  #quoted = false;
  #fieldStarted = false;
  #line = 1;
  #recordLine = 1;
  #quoteLine = 1;
  #pending = "";
  #started = false;

  /** The records completed by this piece of text. */
  push(text: string): CsvRecord[] {
    let t = this.#pending + text;
    if (!this.#started && t) {
      this.#started = true;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    // a last \r or " needs the next character to be read (CRLF, a doubled quote)
    const last = t[t.length - 1];
    const held = last === "\r" || last === '"' ? 1 : 0;
    const records: CsvRecord[] = [];
    this.#pending = t.slice(this.#read(t, t.length - held, records));
    return records;
  }

  /** The last record; throws when a quoted field is still open. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    this.#read(this.#pending, this.#pending.length, records);
    if (this.#quoted) throw new CsvSyntaxError(this.#quoteLine, "A quoted field starts here and is never closed.");
    if (this.#fieldStarted || this.#cells.length) {
      this.#endCell();
      records.push({ line: this.#recordLine, cells: this.#cells });
    }
    return records;
  }

  #endCell() {
    this.#cells.push(this.#cell);
    this.#cell = "";
    this.#fieldStarted = false;
  }

  /** Reads text up to upTo (a doubled quote may take one more), adding to records; returns where it stopped. */
  #read(text: string, upTo: number, records: CsvRecord[]): number {
    let i = 0;
    for (; i < upTo; i++) {
      const c = text[i]!;
      const lineEnd = c === "\n" || (c === "\r" && text[i + 1] !== "\n");
      if (lineEnd) this.#line++;
      if (this.#quoted) {
        if (c !== '"') this.#cell += c;
        else if (text[i + 1] === '"') this.#cell += text[++i];
        else this.#quoted = false;
      } else if (c === '"' && !this.#fieldStarted) {
        this.#quoted = this.#fieldStarted = true;
        this.#quoteLine = this.#line;
      } else if (c === ",") {
        this.#endCell();
      } else if (lineEnd) {
        this.#endCell();
        records.push({ line: this.#recordLine, cells: this.#cells });
        this.#cells = [];
        this.#recordLine = this.#line;
      } else if (c !== "\r") {
        this.#cell += c;
        this.#fieldStarted = true;
      }
    }
    return i;
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()];
}
