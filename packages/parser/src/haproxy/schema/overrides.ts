/**
 * Hand-written additions to the generated HAProxy tables: value types the
 * documentation's placeholders do not make certain, and one-line summaries in our
 * own words for hover and completion. Keys are `group:name` ('proxy' for keywords
 * of defaults/frontend/listen/backend).
 */
import type { HaKeywordSpec, HaOptionSpec, HaSectionSpec } from './types.js';

const enumArg = (values: string[]) => [{ name: values.join('|'), value: { type: 'enum' as const, values } }];

export const keywordOverrides: Record<string, Partial<HaKeywordSpec>> = {
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
