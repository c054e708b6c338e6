import { PiccoliDataError } from './errors.js';

export type SourceFormat = 'parquet' | 'arrow' | 'csv';
/** What the bytes actually are, whatever the file is called. */
export type DetectedFormat = 'parquet' | 'arrow-file' | 'arrow-stream' | 'html' | 'json' | 'text' | 'binary';

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const ARROW1 = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

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
  return actual;
}
