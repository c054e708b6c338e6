import type { EditorView } from '@codemirror/view';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PiccoliDataError } from '../../data/errors.js';
import { messageOf } from '../../data/errors.js';
import type { SqlEditor } from './editor.js';
import type { TableInfo } from './schema.js';
import type { errorPosition as ErrorPosition } from './sql-error.js';
import { styleProps } from '../../styles/style-props.js';

/** The editor module, fetched with a dynamic import (CodeMirror is not in the first load). */
export type EditorModule = typeof import('./editor.js');

/** What the editor calls back into the console. */
export interface EditorCallbacks {
  onRun: () => void;
  onCancel: () => void;
  /** The text changed (typing, or a value set before the editor arrived). */
  onChange: () => void;
}

/**
 * The console's SQL editor: a placeholder of the same size while the CodeMirror module
 * loads, then the editor, with the text, the selection to run and the error mark
 * carried over from one to the other. Renders the `part="editor"` box.
 *
 * When the console leaves the page the editor is destroyed (CodeMirror holds listeners on
 * the window and the document that would keep the console alive); its text and selection
 * are kept, and a new editor is built with them when the console is connected again (a
 * console moved in the page keeps its query; the undo history starts anew).
 */
export class EditorController implements ReactiveController {
  /** The editor is mounted. */
  ready = false;
  /** Why the editor could not load, if it could not. */
  error?: string;
  private _editor?: SqlEditor;
  private _module?: Promise<EditorModule>;
  /** Settles when the editor is mounted (or could not be). */
  private _mounted?: Promise<void>;
  /** The text while there is no editor yet: shown in the placeholder, handed to the editor. */
  private _doc?: string;
  /** An error position of a run made before the editor arrived, marked when it does. */
  private _pendingMark?: { doc: string; offset: number };
  /** The selection of a destroyed editor, for the next one. */
  private _selection?: { anchor: number; head: number };
  private _label = '';
  private _tables: readonly TableInfo[] = [];
  private _connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly load: () => Promise<EditorModule>,
    private readonly callbacks: EditorCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._module ??= this.load();
    this._connected = true;
    // Connected again after leaving the page: a new editor, with the text of the last one.
    if (this._doc !== undefined && this._mounted && !this._editor && !this.error) {
      this._mounted = this._mount();
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this._connected = false;
    const editor = this._editor;
    if (!editor) return;
    this._doc = editor.value;
    this._selection = editor.selection;
    this._editor = undefined;
    this.ready = false;
    editor.destroy();
  }

  /** Start with `doc` in the placeholder; mount the editor when its module arrives. */
  start(doc: string, label: string, tables: readonly TableInfo[]): void {
    this._doc = doc;
    this._label = label;
    this._tables = tables;
    this._mounted = this._mount();
  }

  /** Settles once the editor is mounted or has failed to load. */
  get mounted(): Promise<void> {
    return this._mounted ?? Promise.resolve();
  }

  /** CodeMirror's view, once mounted. */
  get view(): EditorView | undefined {
    return this._editor?.view;
  }

  /** The text, or undefined before `start`. */
  get text(): string | undefined {
    return this._editor?.value ?? this._doc;
  }

  /** Replace the text (and clear the error mark); false before `start`. */
  setText(sql: string): boolean {
    if (this._editor) {
      this._editor.value = sql;
    } else if (this._doc !== undefined) {
      this._doc = sql;
      this._pendingMark = undefined;
      this._selection = undefined;
      this.host.requestUpdate();
      this.callbacks.onChange();
    } else {
      return false;
    }
    return true;
  }

  /** The selected text if there is a selection, else the whole text, with its offset. */
  runnable(): { sql: string; from: number } {
    return this._editor?.runnable() ?? { sql: this.text ?? '', from: 0 };
  }

  /**
   * Line and column of `err` in `sql`, underlined in the editor (`from` < 0: not the
   * editor's text). `errorPosition` comes from sql-error.js, loaded with the first error.
   */
  markError(err: PiccoliDataError, sql: string, from: number, errorPosition: typeof ErrorPosition): { line?: number; column?: number } {
    const pos = errorPosition(err.message, sql, err.position);
    if (!pos || from < 0) return pos ? { line: pos.line, column: pos.column } : {};
    if (this._editor) return this._editor.markError(from + pos.offset);
    // No editor yet: the whole text was run (from is 0); mark it when the editor arrives.
    this._pendingMark = { doc: sql, offset: pos.offset };
    return { line: pos.line, column: pos.column };
  }

  clearError(): void {
    this._editor?.clearError();
    this._pendingMark = undefined;
  }

  focus(): void {
    this._editor?.focus();
  }

  /** Insert at the cursor; false when there is no editor (no cursor) yet. */
  insert(text: string): boolean {
    this._editor?.insert(text);
    return !!this._editor;
  }

  /** Tables and columns to autocomplete. */
  setSchema(tables: readonly TableInfo[]): void {
    this._tables = tables;
    this._editor?.setSchema(tables);
  }

  private async _mount(): Promise<void> {
    try {
      const { SqlEditor } = await this._module!;
      // Left the page meanwhile (or already mounted): the next connect mounts it.
      if (!this._connected || this._editor) return;
      const doc = this._doc ?? '';
      const selection = this._selection;
      this._selection = undefined;
      this._editor = new SqlEditor({
        // The box render() draws, found in the host's shadow root (no ref directive: a smaller first load).
        parent: this.host.renderRoot.querySelector<HTMLElement>('.editor')!,
        root: this.host.renderRoot as ShadowRoot,
        doc,
        selection,
        label: this._label,
        tables: this._tables.length ? this._tables : undefined,
        ...this.callbacks,
      });
      this._doc = undefined;
      const mark = this._pendingMark;
      this._pendingMark = undefined;
      if (mark && mark.doc === doc) this._editor.markError(mark.offset);
      this.ready = true;
    } catch (e) {
      // The console keeps working on the placeholder's text: run() and value still do.
      this.error = messageOf(e);
    }
    this.host.requestUpdate();
  }

  /**
   * The editor's box. Until the editor arrives it holds the query laid out as the editor
   * will show it (line numbers, wrapping, line height), so that nothing moves when the
   * editor arrives. The placeholder is then hidden, not removed: the editor's own nodes
   * follow it in the box, where no Lit binding reaches them. `text` is the console's
   * value (its `query` before `start`).
   */
  render(label: string, text: string): TemplateResult {
    const lines = this.ready ? [] : text.split('\n');
    const empty = lines.length === 1 && lines[0] === '';
    return html`<div class="editor" part="editor">
      <div
        class="editor-placeholder"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-busy=${this.error ? 'false' : 'true'}
        aria-label=${label}
        ${styleProps({ 'grid-template-rows': `4px repeat(${lines.length}, auto) minmax(4px, 1fr)` })}
        ?hidden=${this.ready}
      >${
        this.ready
          ? nothing
          : html`<span class="ph-gutter"></span><span></span>
              ${lines.map(
                (line, i) =>
                  html`<span class="ph-gutter" aria-hidden="true">${i + 1}</span><span class="ph-line"
                      >${empty ? html`<span class="ph-empty">SELECT …</span>` : line || html`<br />`}</span
                    >`,
              )}
              <span class="ph-gutter"></span><span></span>`
      }</div>
    </div>`;
  }
}
