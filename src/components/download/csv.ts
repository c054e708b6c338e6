/**
 * CSV for every download of the library: the elements' data and the console's results.
 * Two flavours: plain RFC 4180 (comma, dot decimal), and the one Italian Excel opens in
 * columns (semicolon, decimal comma, thousands with a dot, UTF-8 byte order mark so that
 * "Südtirol" survives). Pure: no DOM.
 */

/** How a CSV file writes its fields and numbers. */
export interface CsvFormat {
  /** Field separator. */
  separator: ',' | ';';
  /** Decimal mark; with `,` the integer part is grouped by thousands with `.` (1.234,5). */
  decimal: '.' | ',';
  /** Start with the UTF-8 byte order mark (Excel reads the file as UTF-8 only then). */
  bom: boolean;
  /**
   * Write text of digits that a spreadsheet would turn into a number and so change (a
   * leading zero: the ISTAT codes `08`, `033`, `033032`; more than 15 digits) as the
   * formula `="033"`, which Excel and LibreOffice show as that text. Digits only: nothing
   * else ever becomes a formula.
   */
  keepDigits?: boolean;
}

/** RFC 4180: what every program reads. */
export const CSV_PLAIN: CsvFormat = { separator: ',', decimal: '.', bom: false };
/** What Italian Excel opens in columns, accents intact, codes with their leading zeros. */
export const CSV_EXCEL_IT: CsvFormat = { separator: ';', decimal: ',', bom: true, keepDigits: true };

/** A table to write: a header, and rows of text (numbers in `numeric` columns as `1234.5`), null for no value. */
export interface CsvTable {
  header: string[];
  /** Which columns hold numbers written as `-1234.5` / `1e-7` (plain text of the number, no grouping). */
  numeric: boolean[];
  rows: Iterable<(string | null)[]>;
}

/** A value a spreadsheet reads as a number: `-3`, `+1.5`, `-12,5`, `.5`, `1e-7`. */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;
/** A number as the numeric columns hold it: sign, digits, a dot and digits, an exponent. */
const NUMBER = /^([+-]?)(\d+)(?:\.(\d+))?([eE][+-]?\d+)?$/;

/**
 * A cell or header that cannot start a formula when a spreadsheet opens the file (OWASP
 * "CSV injection"): text starting with `=`, `+`, `-`, `@`, a tab, a carriage return or a
 * line feed gets a leading `'`, which spreadsheets read as "this is text". Text that is
 * exactly a number (`-3`, `-12.5`, `-12,5`, `+1e-7`) stays as it is: a spreadsheet reads
 * it as that number and runs nothing. Anything else starting so gets the quote: numbers
 * in a formula (`-3+4`), and values of other types (a negative INTERVAL, `-inf`).
 *
 * @example
 * neutraliseCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutraliseCell('-12.5')                  // '-12.5'
 * neutraliseCell('-3+4')                   // "'-3+4"
 */
export function neutraliseCell(s: string): string {
  return /^[=+\-@\t\r\n]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/**
 * A number's text (`-1234567.25`) in a format's style: unchanged for a dot decimal,
 * `-1.234.567,25` for a decimal comma. The digits are moved, never recomputed, so a
 * BIGINT or a DECIMAL keeps every one. Null for text that is not such a number.
 *
 * @example localNumber('1234.5', CSV_EXCEL_IT) // '1.234,5'
 */
export function localNumber(text: string, f: CsvFormat): string | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  if (f.decimal === '.') return text;
  const [, sign, int, frac, exp] = m;
  return `${sign}${int!.replace(/\B(?=(\d{3})+$)/g, '.')}${frac === undefined ? '' : `,${frac}`}${exp ?? ''}`;
}

/**
 * The table as CSV: a header line, CRLF line ends, NULL as an empty field and an empty
 * string as `""` (a reader that tells them apart gets both back). Fields holding the
 * separator, a quote, a line break or outer spaces are quoted. Numbers are written in the
 * format's style; text, and numeric columns' other values (`inf`), go through
 * neutraliseCell.
 */
export function writeCsv(t: CsvTable, f: CsvFormat = CSV_PLAIN): string {
  const needsQuotes = f.separator === ',' ? /[",\r\n]|^\s|\s$/ : /[";\r\n]|^\s|\s$/;
  const quote = (s: string) => (s === '' || needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const field = (s: string | null, numeric = false) => {
    if (s === null) return '';
    const n = numeric ? localNumber(s, f) : null;
    if (n === null && f.keepDigits && /^(0\d+|\d{16,})$/.test(s)) return quote(`="${s}"`);
    return n ?? quote(neutraliseCell(s));
  };
  const lines = [t.header.map((h) => field(h)).join(f.separator)];
  for (const row of t.rows) lines.push(row.map((v, i) => field(v, t.numeric[i])).join(f.separator));
  return `${f.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

const canonical = new Map<number, Intl.NumberFormat>();
/**
 * A number as a numeric column holds it (`1234.5`), rounded to `digits` decimals as the
 * elements round what they show (Intl, half away from zero), so that the file says what
 * the reader saw. Null for a number that is not finite.
 */
export function numberText(n: number, digits = 0): string | null {
  if (!Number.isFinite(n)) return null;
  let f = canonical.get(digits);
  if (!f)
    canonical.set(
      digits,
      (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })),
    );
  return f.format(n);
}
