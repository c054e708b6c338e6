import { expect } from '@open-wc/testing';
import { bootEngine, bootEngineEarly, engineAssets, takeBootedEngine, type BootedEngine } from '../../../src/data/engine-boot.js';

// Starting DuckDB-WASM's worker and its wasm before the engine's own code arrives
// (src/data/engine-boot.ts). These start real workers; each test hands over and ends what
// it booted, so the next starts from no boot.

/** Take the boot this test made from the module, and stop its worker. */
function end(boot: BootedEngine | undefined): void {
  expect(takeBootedEngine()).to.equal(boot);
  boot?.terminate();
}

describe('engine boot', () => {
  it('bootEngineEarly() resolves once the worker exists, and a stopped boot still resolves it', async function () {
    this.timeout(30_000);
    // First in this file: no engine has taken a boot yet (after one has, it returns nothing).
    const early = bootEngineEarly();
    const boot = bootEngine()!;
    try {
      expect(early).to.equal(boot.started);
      // The backend waits for this before fetching the engine's JavaScript.
      await early;
      expect(boot.worker).to.be.instanceOf(Worker);
    } finally {
      end(boot);
    }
    const stopped = bootEngine()!;
    stopped.terminate(); // before its worker could be made
    await stopped.started; // would hang if a boot that ended never said so
    expect(takeBootedEngine()).to.equal(stopped);
  });

  it('bootEngine() starts one boot: calling it again gives the same', () => {
    const boot = bootEngine()!;
    try {
      expect(bootEngine()).to.equal(boot);
    } finally {
      end(boot);
    }
  });

  it('takeBootedEngine() hands the boot over once; the next call boots anew', () => {
    const first = bootEngine()!;
    const taken = takeBootedEngine()!;
    first.terminate();
    expect(taken).to.equal(first);
    const second = bootEngine()!;
    try {
      expect(second).to.not.equal(first);
    } finally {
      end(second);
    }
  });

  it('bootEngineEarly() boots no second worker once an engine has taken one', async () => {
    const taken = takeBootedEngine()!; // as the engine does when it starts
    taken.terminate();
    const Original = window.Worker;
    const originalFetch = window.fetch;
    let made = 0;
    // A boot fetches the worker's script first (or takes the page's copy, a microtask
    // later), then makes the worker: either is counted.
    window.Worker = class extends Original {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        made++;
      }
    };
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (/worker\.js\.gz/.test(String(input instanceof Request ? input.url : input))) made++;
      return originalFetch(input, init);
    };
    try {
      bootEngineEarly(); // a later request on the engine path
      bootEngineEarly();
      await new Promise((r) => setTimeout(r, 0));
      expect(made).to.equal(0);
    } finally {
      window.Worker = Original;
      window.fetch = originalFetch;
    }
  });

  it("the booted worker instantiates DuckDB's exception-handling wasm from this site", async function () {
    this.timeout(60_000);
    const boot = takeBootedEngine()!;
    try {
      // The exception-handling build, the only one shipped, gzipped: the worker inflates it.
      expect(boot.mainModule).to.equal(engineAssets().mainModule);
      expect(new URL(boot.mainModule).origin).to.equal(location.origin);
      expect(boot.mainModule).to.match(/duckdb-eh\.wasm\.gz$/);
      await boot.instantiated;
      // Its worker runs DuckDB-WASM's script inflated from the gzipped file by the page.
      expect(boot.worker).to.be.instanceOf(Worker);
    } finally {
      boot.terminate();
    }
  });
});
