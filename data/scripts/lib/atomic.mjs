// Write a file so that readers see either the old content or the complete
// new content, never a half-written file: write to a temporary name in the
// same directory (rename is only atomic within one file system), then
// rename over the target.
import { randomBytes } from 'node:crypto';
import { rmSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * @param {string} target final path
 * @param {(tmpPath: string) => Promise<void> | void} write writes the complete file at tmpPath
 */
export async function writeAtomic(target, write) {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(tmp);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
