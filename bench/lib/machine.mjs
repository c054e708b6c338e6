// The machine and the versions a report was measured with, and memory of the browser's
// processes (Linux /proc; PSS so shared pages are not counted twice).
import { cpus, totalmem, release, type } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memory: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

export function packageVersions(root) {
  const v = (p) => {
    try {
      // Read directly: some packages' `exports` do not list package.json.
      return JSON.parse(readFileSync(`${root}/node_modules/${p}/package.json`, 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  return Object.fromEntries(
    ['@duckdb/duckdb-wasm', 'lit', 'apache-arrow', '@observablehq/plot', 'parquet-wasm', 'puppeteer-core', 'esbuild'].map((p) => [p, v(p)]),
  );
}

/** Pids of `root` and all its descendants. */
export function processTree(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** Sum of PSS (bytes) over the process tree of `pid`, or NaN where /proc is unavailable. */
export function treePss(pid, only = () => true) {
  if (!pid) return NaN;
  let total = 0;
  for (const p of processTree(pid).filter(only)) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone, or not ours to read
    }
  }
  return total || NaN;
}

/** PSS of the renderer processes only (the page, its workers and its wasm memory). */
export function rendererPss(pid) {
  return treePss(pid, (p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/**
 * Private memory (USS: Private_Clean + Private_Dirty, bytes) of the renderer processes.
 * Unlike PSS it does not move when other processes on the machine (other Chromiums) start
 * or stop sharing the same library pages: what the tab itself holds.
 */
export function rendererUss(pid) {
  if (!pid) return NaN;
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const s = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      for (const k of ['Private_Clean', 'Private_Dirty']) total += Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? 0) * 1024;
    } catch {
      // gone, or not ours to read
    }
  }
  return total || NaN;
}
