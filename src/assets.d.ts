/**
 * `asset:<package path>` imports resolve to the URL of a file the build copies beside the
 * bundle (rollup.config.mjs) or that the test server serves (web-test-runner.config.mjs).
 */
declare module 'asset:*' {
  const url: string;
  export default url;
}
