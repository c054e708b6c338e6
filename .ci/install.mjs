#!/usr/bin/env node
// Installs the locked dependencies when they are missing or older than the lock, so that
// `npm start` and `npm test` work on a fresh clone (package.json runs this before both).
// Uses `npm ci`, which installs exactly package-lock.json.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const fresh = existsSync(installed) && statSync(installed).mtimeMs >= statSync('package-lock.json').mtimeMs;
if (!fresh) {
  console.log('piccoli-dashboard: installing the locked dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
