/** Offering bytes as a file, and naming it. Shared by the elements' menu and the console. */

/**
 * Offer bytes or text as a download: an object URL on a temporary link in the page's
 * body, clicked, then forgotten (the URL is revoked a little later, once the browser has
 * started the download).
 */
export function download(data: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A part of a file name: lower case, accents dropped, anything else a hyphen ("Provincia di Forlì-Cesena" -> provincia-di-forli-cesena). */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A file name that says what the file holds: its parts (programme, area, date …) as slugs
 * joined by `_`, empty parts left out.
 *
 * @example fileName(['piccoli', 'Provincia di Bolzano/Bozen', '2021-10-31'], 'csv') // 'piccoli_provincia-di-bolzano-bozen_2021-10-31.csv'
 */
export function fileName(parts: readonly (string | null | undefined)[], ext: string): string {
  const name = parts
    .map((p) => slug(p ?? ''))
    .filter(Boolean)
    .join('_');
  return `${name || 'piccoli'}.${ext}`;
}
