// Builds the bundles after `npm ci` / `npm install` in a checkout. The packed package
// (pre-commit's node hooks install it globally) ships its bundles already built and has
// no build script, so there this does nothing.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./build.mjs', import.meta.url))) await import('./build.mjs');
