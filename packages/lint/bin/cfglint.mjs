#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.mjs';

// Runs that lint nothing leave no code cache: it would miss the functions linting needs.
const NO_LINT = new Set(['-h', '--help', '-v', '--version', '--list-rules', '--print-config']);

runWithCodeCache(
  fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)),
  !process.argv.slice(2).some((a) => NO_LINT.has(a) || a.startsWith('--print-config=')),
);
