import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history as undoHistory, historyKeymap } from '@codemirror/commands';
import { PostgreSQL, sql as sqlLanguage } from '@codemirror/lang-sql';
import { HighlightStyle, bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder, type DecorationSet } from '@codemirror/view';
import { css } from 'lit';
import { completionSchema, type TableInfo } from './schema.js';

/**
 * The CodeMirror editor of <piccoli-sql>, in a module of its own: every @codemirror/*
 * import is here, and the element loads this with import() when it connects, so that
 * its first render (and its first paint) does not wait for CodeMirror (most of the
 * console's code). The element talks to the editor only through `SqlEditor`.
 */

const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();

/** The error DuckDB pointed at, underlined in the editor until the text changes. */
const errorMarks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = tr.docChanged ? Decoration.none : deco;
    for (const e of tr.effects) {
      if (!e.is(setErrorMark)) continue;
      if (!e.value) {
        next = Decoration.none;
        continue;
      }
      const line = tr.state.doc.lineAt(e.value.from);
      next = Decoration.set(
        [
          Decoration.line({ class: 'cm-piccoli-error-line' }).range(line.from),
          Decoration.mark({ class: 'cm-piccoli-error' }).range(e.value.from, e.value.to),
        ],
        true,
      );
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/**
 * CodeMirror's default token colours, each through a variable named after it
 * (`--_hl708` for #708), so that editorStyles can give them other values per colour
 * scheme without a second editor theme: the editor follows the scheme (and the theme
 * attribute) as the rest of the console does, with no reconfiguration.
 */
const highlight = HighlightStyle.define(
  defaultHighlightStyle.specs.map((s) => (s.color ? { ...s, color: `var(--_hl${s.color.slice(1)}, ${s.color})` } : s)),
);

/**
 * The editor's chrome in the console's colours (gutter, cursor, selection, active line,
 * completion list), as CodeMirror rules that outrank its light base theme.
 */
const chrome = EditorView.theme({
  '.cm-content': { caretColor: 'var(--_text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--_text)' },
  '.cm-gutters': { backgroundColor: 'var(--_surface)', color: 'var(--_muted)', borderRightColor: 'var(--_rule)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--_primary) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--_primary) 12%, var(--_surface))' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--_primary) 28%, var(--_bg))',
  },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--_primary) 22%, transparent)' },
  // CodeMirror's placeholder grey (#888) is 3.3:1 on the active line: too faint (WCAG 1.4.3).
  '.cm-placeholder': { color: 'var(--_muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--_surface)', color: 'var(--_text)', border: '1px solid var(--_line)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--_primary)', color: 'var(--_on-primary)' },
  '.cm-completionDetail': { color: 'inherit' },
});

/**
 * The token colours per scheme (see `highlight`) and the error marks, adopted by the
 * console's shadow root with the editor (none of it in the console's first load). Light: CodeMirror's own, but for the two under 4.5:1 on white
 * (#e40, quoted identifiers; #f00). Dark: lighter tones of the same hues, each at least
 * 4.5:1 on the dark background and on its active line.
 */
export const editorStyles = css`
  :host {
    --_hle40: #b83200;
    --_hlf00: #c80000;
  }
  /* The word DuckDB's error points at, and its line. */
  .cm-piccoli-error {
    text-decoration: wavy underline var(--_error);
    background: var(--_error-bg);
  }
  .cm-piccoli-error-line {
    background: color-mix(in srgb, var(--_error-bg) 50%, var(--_bg));
  }
  @media screen and (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_hl404740: #b8c2b8;
      --_hl708: #d6a6ff;
      --_hl219: #a9c4ff;
      --_hl164: #79dba6;
      --_hla11: #ff9d92;
      --_hle40: #ffaa6b;
      --_hl00f: #8fb4ff;
      --_hl30a: #c4a8ff;
      --_hl085: #5fd6b0;
      --_hl167: #72d0d6;
      --_hl256: #9cc8e0;
      --_hl00c: #8fb4ff;
      --_hl940: #e3b46a;
      --_hlf00: #ff8f8f;
    }
  }
  @media screen {
    :host([theme='dark']) {
      --_hl404740: #b8c2b8;
      --_hl708: #d6a6ff;
      --_hl219: #a9c4ff;
      --_hl164: #79dba6;
      --_hla11: #ff9d92;
      --_hle40: #ffaa6b;
      --_hl00f: #8fb4ff;
      --_hl30a: #c4a8ff;
      --_hl085: #5fd6b0;
      --_hl167: #72d0d6;
      --_hl256: #9cc8e0;
      --_hl00c: #8fb4ff;
      --_hl940: #e3b46a;
      --_hlf00: #ff8f8f;
    }
  }
`;

export interface SqlEditorOptions {
  /** Element the editor is appended to. */
  parent: HTMLElement;
  /** The host's shadow root (CodeMirror mounts its styles there). */
  root: ShadowRoot;
  /** Starting text. */
  doc: string;
  /** Starting selection (e.g. the one the editor had before its console was moved). */
  selection?: { anchor: number; head: number };
  /** Accessible name of the text box. */
  label: string;
  /** Tables and columns to autocomplete. */
  tables?: readonly TableInfo[];
  /** Mod-Enter. */
  onRun: () => void;
  /** Mod-. */
  onCancel: () => void;
  /** The text changed (typing, paste, undo, or `value`). */
  onChange: () => void;
}

function language(tables?: readonly TableInfo[]): Extension {
  return sqlLanguage({ dialect: PostgreSQL, upperCaseKeywords: true, ...(tables ? { schema: completionSchema(tables) } : {}) });
}

function clampSelection(sel: { anchor: number; head: number }, length: number): { anchor: number; head: number } {
  return { anchor: Math.min(sel.anchor, length), head: Math.min(sel.head, length) };
}

/** A CodeMirror 6 SQL editor with the console's keys, autocomplete and error marks. */
export class SqlEditor {
  readonly view: EditorView;
  private readonly _language = new Compartment();

  constructor(o: SqlEditorOptions) {
    const sheet = editorStyles.styleSheet;
    if (sheet && !o.root.adoptedStyleSheets.includes(sheet)) o.root.adoptedStyleSheets = [...o.root.adoptedStyleSheets, sheet];
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLine(),
      bracketMatching(),
      closeBrackets(),
      EditorView.lineWrapping,
      placeholder('SELECT …'),
      this._language.of(language(o.tables)),
      syntaxHighlighting(highlight),
      chrome,
      autocompletion({ activateOnTyping: true }),
      errorMarks,
      undoHistory(),
      // Tab is deliberately not bound (no indentWithTab): it keeps moving the focus out of
      // the editor, so keyboard users are never trapped in it. Indent with spaces.
      keymap.of([
        { key: 'Mod-Enter', run: () => (o.onRun(), true), preventDefault: true },
        { key: 'Mod-.', run: () => (o.onCancel(), true) },
        ...closeBracketsKeymap,
        ...completionKeymap,
        ...historyKeymap,
        ...defaultKeymap,
      ]),
      EditorView.contentAttributes.of({ 'aria-label': o.label }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) o.onChange();
      }),
    ];
    this.view = new EditorView({
      parent: o.parent,
      root: o.root,
      state: EditorState.create({
        doc: o.doc,
        extensions,
        ...(o.selection ? { selection: clampSelection(o.selection, o.doc.length) } : {}),
      }),
    });
  }

  /** The main selection, to carry over to a new editor. */
  get selection(): { anchor: number; head: number } {
    const { anchor, head } = this.view.state.selection.main;
    return { anchor, head };
  }

  /**
   * Remove the editor: its nodes, and the listeners CodeMirror keeps on the window and the
   * document (resize, scroll, selectionchange), which would otherwise keep the whole
   * console alive after it leaves the page.
   */
  destroy(): void {
    this.view.destroy();
  }

  get value(): string {
    return this.view.state.doc.toString();
  }

  /** Replace the whole text (this clears the error mark), cursor at the start. */
  set value(sql: string) {
    const view = this.view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: sql }, selection: { anchor: 0 } });
  }

  /** The selected text if there is a selection, else the whole text, with its offset. */
  runnable(): { sql: string; from: number } {
    const { state } = this.view;
    const sel = state.selection.main;
    if (!sel.empty) return { sql: state.sliceDoc(sel.from, sel.to), from: sel.from };
    return { sql: state.doc.toString(), from: 0 };
  }

  /**
   * Underline the word (or character) at `offset` and its line; returns the 1-based line
   * and column of `offset` in the whole text.
   */
  markError(offset: number): { line: number; column: number } {
    const view = this.view;
    const doc = view.state.doc;
    const start = Math.min(offset, doc.length);
    const rest = doc.sliceString(start, Math.min(doc.length, start + 64));
    const len = /^[\p{L}\p{N}_$"]+/u.exec(rest)?.[0].length ?? 1;
    let a = start;
    const b = Math.min(doc.length, start + len);
    if (a === b) a = Math.max(0, b - 1);
    if (a < b) view.dispatch({ effects: setErrorMark.of({ from: a, to: b }) });
    const line = doc.lineAt(start);
    return { line: line.number, column: start - line.from + 1 };
  }

  clearError(): void {
    this.view.dispatch({ effects: setErrorMark.of(null) });
  }

  /** Autocomplete these tables and their columns. */
  setSchema(tables: readonly TableInfo[]): void {
    this.view.dispatch({ effects: this._language.reconfigure(language(tables)) });
  }

  /** Type `text` over the selection (or at the cursor), and focus the editor. */
  insert(text: string): void {
    this.view.dispatch(this.view.state.replaceSelection(text));
    this.view.focus();
  }

  focus(): void {
    this.view.focus();
  }
}
