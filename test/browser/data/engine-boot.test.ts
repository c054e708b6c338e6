import { expect } from '@open-wc/testing';
import { engineAssets } from '../../../src/data/config.js';
import { bootEngine, bootEngineEarly, takeBootedEngine, type BootedEngine } from '../../../src/data/engine-boot.js';

// Starting DuckDB-WASM's worker and its wasm before the engine's own code arrives
// (src/data/engine-boot.ts). These start real workers; each test hands over and ends what
// it booted, so the next starts from no boot.

/** Take the boot this test made from the module, and stop its worker. */
function end(boot: BootedEngine | undefined): void {
  expect(takeBootedEngine()).to.equal(boot);
  boot?.worker.terminate();
}

describe('engine boot', () => {
  it('bootEngine() starts one boot: calling it again gives the same', () => {
    const boot = bootEngine()!;
    try {
      expect(bootEngine()).to.equal(boot);
      expect(bootEngine()!.worker).to.equal(boot.worker);
    } finally {
      end(boot);
    }
  });

  it('takeBootedEngine() hands the boot over once; the next call boots anew', () => {
    const first = bootEngine()!;
    const taken = takeBootedEngine()!;
    first.worker.terminate();
    expect(taken).to.equal(first);
    const second = bootEngine()!;
    try {
      expect(second).to.not.equal(first);
      expect(second.worker).to.not.equal(first.worker);
    } finally {
      end(second);
    }
  });

  it('bootEngineEarly() boots no second worker once an engine has taken one', () => {
    const taken = takeBootedEngine()!; // as the engine does when it starts
    taken.worker.terminate();
    const Original = window.Worker;
    let made = 0;
    window.Worker = class extends Original {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        made++;
      }
    };
    try {
      bootEngineEarly(); // a later request on the engine path
      bootEngineEarly();
      expect(made).to.equal(0);
    } finally {
      window.Worker = Original;
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
    } finally {
      boot.worker.terminate();
    }
  });
});
