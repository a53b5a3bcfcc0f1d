/**
 * Hand-written additions to the generated HAProxy tables: value types the
 * documentation's placeholders do not make certain, and one-line summaries in our
 * own words for hover and completion. Keys are `group:name` ('proxy' for keywords
 * of defaults/frontend/listen/backend).
 */
import type { HaKeywordSpec, HaOptionSpec, HaSectionSpec } from './types.js';

export const keywordOverrides: Record<string, Partial<HaKeywordSpec>> = {};

export const sectionOverrides: Record<string, Partial<HaSectionSpec>> = {};

export const bindOptionOverrides: Record<string, Partial<HaOptionSpec>> = {};

export const serverOptionOverrides: Record<string, Partial<HaOptionSpec>> = {};
