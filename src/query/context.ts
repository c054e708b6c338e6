import { ContextEvent, ContextProvider, createContext, type Context } from '@lit/context';
import { SelectionStore } from '../state/selection.js';
import { Coordinator } from './coordinator.js';

/**
 * The services every element shares, handed down the DOM with @lit/context: the
 * coordinator that answers requests, the page's area selection (a map click filters
 * every funnel), and the language. A site may provide its own for a part of the page
 * (`new ContextProvider(section, { context: coordinatorContext, initialValue })`);
 * otherwise the page-level defaults below answer, installed on <html> once, and shared
 * by every copy of the library on the page (the keys are strings, and a copy that finds
 * a provider already there installs none).
 */
export const coordinatorContext = createContext<Coordinator>('piccoli-dashboard/coordinator');
export const selectionContext = createContext<SelectionStore>('piccoli-dashboard/selection');
/** The page's language when no ancestor of an element has a `lang` attribute. */
export const langContext = createContext<string>('piccoli-dashboard/lang');

let installed = false;

/** Whether some provider on <html> already answers a context (another copy of the library). */
function provided<T>(context: Context<unknown, T>): boolean {
  return ask(context) !== undefined;
}

/**
 * The value the provider nearest to <html> gives for a context, if any. Asked from
 * <head>: a provider does not answer requests made by its own host.
 */
function ask<T>(context: Context<unknown, T>): T | undefined {
  let value: T | undefined;
  const from = document.head ?? document.body;
  from?.dispatchEvent(new ContextEvent(context, from, (v: T) => (value = v)));
  return value;
}

/** Install the page-level providers on <html>, once. Called by every element module. */
export function ensurePageContext(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const root = document.documentElement;
  if (!provided(coordinatorContext)) new ContextProvider(root, { context: coordinatorContext, initialValue: new Coordinator() });
  if (!provided(selectionContext)) new ContextProvider(root, { context: selectionContext, initialValue: new SelectionStore() });
  if (!provided(langContext)) {
    const lang = new ContextProvider(root, { context: langContext, initialValue: root.lang || 'it' });
    new MutationObserver(() => lang.setValue(root.lang || 'it')).observe(root, { attributes: true, attributeFilter: ['lang'] });
  }
}

/** The page's selection store, as the page-level provider holds it (for scripts and tests). */
export function pageSelection(): SelectionStore {
  ensurePageContext();
  return ask(selectionContext)!;
}

/** The page's coordinator, as the page-level provider holds it (for scripts and tests). */
export function pageCoordinator(): Coordinator {
  ensurePageContext();
  return ask(coordinatorContext)!;
}
