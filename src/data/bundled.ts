import metaJson from 'asset:/data/programmes-meta.json';
import programmesParquet from 'asset:/data/programmes.parquet';
import { bundledDataUrl } from './config.js';
import { PiccoliDataError, messageOf } from './errors.js';

/*
 * The data shipped beside the bundle that a page can use before the engine exists. This
 * module must not import the engine: it is on the first-paint path.
 */

/** URL of the bundled stage-events file (dist/data/programmes.parquet). */
export function defaultEventsUrl(): string {
  return bundledDataUrl(programmesParquet);
}

export interface ProgrammeMeta {
  programme: string;
  name_it: string;
  name_en: string;
  operator?: string;
  entity_kind: 'comune' | 'provincia';
  start_date?: string;
  end_date?: string;
  source_citation?: string;
  stages: { stage: string; stage_order: number; label_it: string; label_en: string }[];
  [key: string]: unknown;
}

let metaPromise: Promise<ProgrammeMeta[]> | undefined;

/** Programme names, stages and labels (data/programmes-meta.json). */
export function fetchMeta(): Promise<ProgrammeMeta[]> {
  metaPromise ??= fetch(bundledDataUrl(metaJson))
    .then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const body = (await r.json()) as { programmes: ProgrammeMeta[] };
      return body.programmes;
    })
    .catch((e: unknown) => {
      metaPromise = undefined;
      throw new PiccoliDataError('http', `The programme list could not be loaded: ${messageOf(e)}`);
    });
  return metaPromise;
}
