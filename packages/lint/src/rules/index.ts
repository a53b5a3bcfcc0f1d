import type { Rule } from '../engine/rule.js';
import keepalivedVridMismatch from './keepalived/vrid-mismatch.js';

/** Every rule, sorted by id. */
export const rules: readonly Rule<any, any, any>[] = [keepalivedVridMismatch].sort((a, b) => a.id.localeCompare(b.id));

export const rulesById: ReadonlyMap<string, Rule<any, any, any>> = new Map(rules.map((r) => [r.id, r]));
