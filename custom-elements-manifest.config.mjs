// custom-elements.json for IDEs and docs, from the elements' JSDoc (@fires, @csspart ...).
export default {
  globs: ['src/components/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // The analyzer also guesses events from `new SomeEvent(arg)` calls; keep the
      // documented, prefixed ones only.
      name: 'piccoli-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('piccoli-'));
          }
        }
      },
    },
  ],
};
