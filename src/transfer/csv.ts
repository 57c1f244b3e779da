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
 * Records of RFC 4180 text: quoted fields with doubled quotes and line breaks
 * inside, CRLF, LF or CR line ends, a leading byte-order mark. Lenient where
 * spreadsheets are (a stray quote inside an unquoted field is kept as text);
 * a quoted field never closed is an error, since the rest of the file would
 * silently become one cell.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    fieldStarted = false;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    const lineEnd = c === "\n" || (c === "\r" && text[i + 1] !== "\n");
    if (lineEnd) line++;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (c === '"' && !fieldStarted) {
      quoted = fieldStarted = true;
      quoteLine = line;
    } else if (c === ",") {
      endCell();
    } else if (lineEnd) {
      endCell();
      records.push({ line: recordLine, cells });
      cells = [];
      recordLine = line;
    } else if (c !== "\r") {
      cell += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, "A quoted field starts here and is never closed.");
  if (fieldStarted || cells.length) {
    endCell();
    records.push({ line: recordLine, cells });
  }
  return records;
}
