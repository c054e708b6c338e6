import metaJson from 'asset:/data/programmes-meta.json';
import programmesArrow from 'asset:/data/programmes.arrow';
import { bundledDataUrl } from './config.js';
import { PiccoliDataError, messageOf } from './errors.js';

/*
 * The data shipped beside the bundle that a page can use before the engine exists. This
 * module must not import the engine: it is on the first-paint path.
 */

/**
 * URL of the bundled stage-events file (dist/data/programmes.arrow): Arrow IPC, which the
 * engine reads with the apache-arrow it loads anyway, so no page fetches a Parquet reader
 * for the bundled data. dist/data/programmes.parquet holds the same rows, for sites and
 * analysts.
 */
export function defaultEventsUrl(): string {
  return bundledDataUrl(programmesArrow);
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
  /** Figures the programme published (data/SCHEMA.md): what a count equal to one of them cites. */
  published_figures?: PublishedFigure[];
  stages: { stage: string; stage_order: number; label_it: string; label_en: string; description_it?: string; description_en?: string }[];
  /** Start, deadlines and end (data/SCHEMA.md, "Milestones"): the trend's labelled rules. */
  milestones?: Milestone[];
  [key: string]: unknown;
}

/** A programme date a trend marks: published (with its source) or an estimate. */
export interface Milestone {
  kind: 'start' | 'deadline' | 'end';
  date: string;
  /** The stage a deadline closes. */
  stage?: string;
  label_it: string;
  label_en: string;
  source?: string;
  /** The date is an estimate, not a published one. */
  estimated?: true;
  note?: string;
}

/** A figure a programme published, with the day it describes and who published it. */
export interface PublishedFigure {
  stage: string;
  count: number;
  /** The day the figure describes (YYYY-MM-DD); absent when the source gives none. */
  as_of?: string;
  /** `italy`, `region`, `province`, or `other` for groups no element shows (e.g. southern provinces). */
  level?: 'italy' | 'region' | 'province' | 'other';
  /** ISTAT code of the region or province; null for Italy. */
  area?: string | null;
  source?: string;
  published_on?: string;
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
