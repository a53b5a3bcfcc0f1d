/**
 * Hand-written additions to the generated HAProxy tables: value types the
 * documentation's placeholders do not make certain, and one-line summaries in our
 * own words for hover and completion. Keys are `group:name` ('proxy' for keywords
 * of defaults/frontend/listen/backend).
 */
import type { HaKeywordSpec, HaOptionSpec, HaSectionSpec } from './types.js';

const enumArg = (values: string[]) => [{ name: values.join('|'), value: { type: 'enum' as const, values } }];

const intArg = (name: string, min?: number, max?: number) => [{ name, value: { type: 'int' as const, min, max } }];

export const keywordOverrides: Record<string, Partial<HaKeywordSpec>> = {
  // Ranges HAProxy enforces (its messages name them).
  'global:tune.comp.maxlevel': { args: intArg('number', 1, 9) },
  'global:tune.h2.header-table-size': { args: intArg('number', 4096, 65536) },
  'global:tune.h2.max-frame-size': { args: intArg('number', 16384, 16777215) },
  'global:tune.ssl.default-dh-param': { args: intArg('number', 1024) },
  // The 2.8+ manual documents type-req/type-res only in the argument text; the
  // sources (flt_http_comp.c) accept them with the other direction-specific forms.
  'proxy:compression': {
    argsByVersion: [
      { since: '1.5', args: enumArg(['algo', 'type', 'offload']) },
      { since: '2.8', args: enumArg(['algo', 'algo-req', 'algo-res', 'type', 'type-req', 'type-res', 'offload', 'direction']) },
      { since: '3.2', args: enumArg(['algo', 'algo-req', 'algo-res', 'type', 'type-req', 'type-res', 'minsize-req', 'minsize-res', 'offload', 'direction']) },
    ],
  },
};

export const sectionOverrides: Record<string, Partial<HaSectionSpec>> = {};

export const bindOptionOverrides: Record<string, Partial<HaOptionSpec>> = {};

export const serverOptionOverrides: Record<string, Partial<HaOptionSpec>> = {};
