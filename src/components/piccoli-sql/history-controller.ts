import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pushHistory, readHistory, type HistoryEntry } from './url-state.js';

/** What the history controller reads of its element. */
export interface HistoryHost extends ReactiveControllerHost {
  /** localStorage key of the history; empty to keep none. */
  historyKey: string;
}

/**
 * The console's query history in localStorage (url-state.ts), newest first, read when
 * the element connects and added to after each run.
 */
export class HistoryController implements ReactiveController {
  /** The stored runs, newest first. */
  entries: HistoryEntry[] = [];

  constructor(private readonly host: HistoryHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.entries = this.host.historyKey ? readHistory(storage(), this.host.historyKey) : [];
  }

  /** Add a run at the top and store the list. */
  remember(entry: HistoryEntry): void {
    if (!this.host.historyKey) return;
    this.entries = pushHistory(storage(), entry, this.host.historyKey);
    this.host.requestUpdate();
  }
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // disabled storage throws on access
  }
}
