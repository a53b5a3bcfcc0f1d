#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from './code-cache.mjs';

runWithCodeCache(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)));
