import { PiccoliDataError } from './errors.js';

export type SourceFormat = 'parquet' | 'arrow' | 'csv';
/** What the bytes actually are, whatever the file is called. */
export type DetectedFormat = 'parquet' | 'arrow-file' | 'arrow-stream' | 'html' | 'json' | 'text' | 'binary';

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ARROW1 = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
/** The end of an Arrow IPC stream: the 0xFFFFFFFF continuation marker and a zero metadata length. */
const ARROW_EOS = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.byteLength < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

/** Identify bytes by their magic numbers and, for text, their first characters. */
export function detectFormat(b: Uint8Array): DetectedFormat {
  if (startsWith(b, PAR1)) return 'parquet';
  if (startsWith(b, ARROW1)) return 'arrow-file';
  // An IPC stream starts with a message: the 0xFFFFFFFF continuation marker, then a length.
  if (startsWith(b, [0xff, 0xff, 0xff, 0xff])) return 'arrow-stream';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 512));
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype|html|head|body|\?xml|!--)/i.test(trimmed)) return 'html';
  if (/^[[{]/.test(trimmed)) return 'json';
  // Text: no NUL and few control characters in the first 4 KB.
  const probe = b.subarray(0, 4096);
  let control = 0;
  for (const byte of probe) {
    if (byte === 0) return 'binary';
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > probe.byteLength / 100 ? 'binary' : 'text';
}

/** The format a URL or file name claims by its extension. */
export function formatFromName(name: string): SourceFormat | undefined {
  const path = name.split(/[?#]/)[0]!.toLowerCase();
  if (/\.parquet$|\.pq$/.test(path)) return 'parquet';
  if (/\.(arrow|feather|arrows|ipc)$/.test(path)) return 'arrow';
  if (/\.(csv|tsv|txt)$/.test(path)) return 'csv';
  return undefined;
}

const DESCRIBE: Record<DetectedFormat, string> = {
  parquet: 'a Parquet file',
  'arrow-file': 'an Arrow IPC file',
  'arrow-stream': 'an Arrow IPC stream',
  html: 'an HTML page (often a server error or login page served in place of the file)',
  json: 'a JSON document',
  text: 'a text file',
  binary: 'binary data of an unknown kind',
};
const NAMES: Record<SourceFormat, string> = { parquet: 'Parquet', arrow: 'Arrow IPC', csv: 'CSV' };

/**
 * Decide how to read `bytes` given what the caller expects (from an option or the
 * file name). Returns the reader to use, or throws a message naming the mismatch.
 */
export function resolveFormat(bytes: Uint8Array, source: string, expected: SourceFormat | undefined): SourceFormat {
  if (bytes.byteLength === 0) {
    throw new PiccoliDataError('empty', `${source} is empty (0 bytes).`, source);
  }
  const found = detectFormat(bytes);
  const actual: SourceFormat | undefined =
    found === 'parquet' ? 'parquet' : found === 'arrow-file' || found === 'arrow-stream' ? 'arrow' : found === 'text' ? 'csv' : undefined;
  if (expected && actual !== expected) {
    throw new PiccoliDataError('format', `${source} should be ${NAMES[expected]} but is ${DESCRIBE[found]}.`, source);
  }
  if (!actual) {
    throw new PiccoliDataError('format', `${source} is ${DESCRIBE[found]}, not Parquet, Arrow or CSV.`, source);
  }
  if (actual === 'parquet' && !(bytes.byteLength >= 12 && startsWith(bytes, PAR1, bytes.byteLength - 4))) {
    throw new PiccoliDataError('corrupt', `${source} is a truncated Parquet file (its footer is missing): download it again.`, source);
  }
  if (found === 'arrow-file' && !startsWith(bytes, ARROW1, bytes.byteLength - 6)) {
    throw new PiccoliDataError('corrupt', `${source} is a truncated Arrow IPC file (its footer is missing): download it again.`, source);
  }
  // A stream cut between two record batches reads as a whole, shorter table: only its
  // end-of-stream marker (continuation, then a zero length) says the writer finished.
  // Arrow's writers (pyarrow, arrow-rs, arrow-js, Go) end a closed stream with it.
  if (found === 'arrow-stream' && !startsWith(bytes, ARROW_EOS, bytes.byteLength - ARROW_EOS.length)) {
    throw new PiccoliDataError(
      'corrupt',
      `${source} is a truncated Arrow IPC stream (its end-of-stream marker is missing): download it again.`,
      source,
    );
  }
  return actual;
}

/**
 * Refuse text that is not UTF-8 (DuckDB reads CSV as UTF-8 and would call it damaged):
 * most often a CSV saved by Excel on Windows ("CSV (delimitato da separatore)"), in
 * Windows-1252. The error names the line and shows the field as Windows-1252 reads it
 * ("Forlì-Cesena"), so that the editor recognises it.
 */
export function checkUtf8(bytes: Uint8Array, source: string): void {
  // The browser's decoder checks fast; only a file that fails is scanned for where.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const CHUNK = 1 << 20;
  try {
    for (let at = 0; at < bytes.byteLength; at += CHUNK) decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true });
    decoder.decode();
    return;
  } catch {
    // located below
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
  const isDelimiter = (b: number | undefined) => b === undefined || b === 0x0a || b === 0x0d || b === 0x2c || b === 0x3b || b === 0x09;
  let start = bad;
  while (start > 0 && !isDelimiter(bytes[start - 1])) start--;
  let end = bad;
  while (end < bytes.byteLength && !isDelimiter(bytes[end])) end++;
  const sample = new TextDecoder('windows-1252').decode(bytes.subarray(start, Math.min(end, start + 200))).replace(/^"|"$/g, '');
  const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  throw new PiccoliDataError(
    'format',
    `${source} is not UTF-8 text (line ${line}, byte ${bad}: 0x${hex}, "${sample}" in Windows-1252): save it as "CSV UTF-8".`,
    source,
    { kind: 'not-utf8', params: { line, sample } },
  );
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!n) return i;
    // The second byte's narrower range for E0 (no overlong), ED (no surrogate), F0, F4.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    const second = b[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}
