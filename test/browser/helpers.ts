import { expect, waitUntil } from '@open-wc/testing';
import { PiccoliDataError } from '../../src/data/errors.js';

/*
 * What several browser tests ask of an element or a promise, written once. Each reads
 * what a user sees (shadow DOM text) or what a caller gets (the error thrown).
 */

/** Until the element shows a result or an error (not its skeleton). */
export async function settled(el: HTMLElement, { timeout = 30_000, what = `${el.localName} never settled` } = {}): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('figure:not([aria-busy]), [role="alert"]'), what, { timeout });
}

/** The element's alert, as one line of text ('' when there is none). */
export function alertText(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The funnel's counts as the reader sees them (without the published/simulated mark). */
export function counts(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('tbody td.count')].map((c) => {
    const cell = c.cloneNode(true) as Element;
    cell.querySelector('.basis')?.remove();
    return cell.textContent!.trim();
  });
}

/** The PiccoliDataError a promise rejects with (the test fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<PiccoliDataError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).to.be.instanceOf(PiccoliDataError);
  return e as PiccoliDataError;
}

/** The PiccoliDataError a call throws (the test fails when it throws nothing). */
export function thrown(f: () => unknown): PiccoliDataError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(PiccoliDataError);
    return e as PiccoliDataError;
  }
  throw new Error('expected an error, got none');
}
