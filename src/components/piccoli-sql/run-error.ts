import type { PiccoliDataError } from '../../data/errors.js';
import { describeError } from '../../i18n/errors.js';
import type { Lang } from '../../i18n/index.js';
import { errorHeadline } from './sql-error.js';

/**
 * Errors of the console's sandbox and bounds, said in the reader's words by the shared
 * describer; any other failed run shows DuckDB's own first line, which an analyst reads.
 */
const SAID = new Set(['read-only', 'access-denied', 'query-timeout', 'out-of-memory']);

/** The headline of a failed run, in `lang`. */
export function runErrorHeadline(e: Pick<PiccoliDataError, 'kind' | 'params' | 'message' | 'source'>, lang: Lang): string {
  return SAID.has(e.kind) ? describeError(e, lang).text : errorHeadline(e.message);
}
