/** What a funnel counted when a stage was selected. */
export interface StageSelectDetail {
  programme: string;
  stage: string;
  stageOrder: number;
  label: string;
  count: number;
  /** The filter in force: ISTAT codes, and the day counted up to. */
  filter: { regionCode?: string; provinceCode?: string; entityCode?: string; asOf: string };
  /** False when the same stage was selected again, which clears the selection. */
  selected: boolean;
}

/**
 * A stage of a <piccoli-progress> funnel was chosen (click, Enter or Space), so that a
 * page can react, e.g. list the comuni at that stage.
 */
export class PiccoliStageSelectEvent extends Event {
  static readonly eventName = 'piccoli-stage-select';
  constructor(readonly detail: StageSelectDetail) {
    super(PiccoliStageSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'piccoli-stage-select': PiccoliStageSelectEvent;
  }
}
