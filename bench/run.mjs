#!/usr/bin/env node
// `npm run bench`: runs every benchmark program in bench/ one after another and lets each print its
// own figures. `npm run bench -- policy` runs only the ones whose name contains "policy".
// Benchmarks import the built packages, so `npm run bench` builds first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const programs = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const program of programs) {
  console.log(`\n=== bench/${program} ===`);
  const r = spawnSync(process.execPath, [path.join(here, program)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench/${program} exited with ${r.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
