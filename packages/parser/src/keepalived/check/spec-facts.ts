import type { ArgSpec } from '../../schema/types.js';
import { compareVersions } from '../../schema/types.js';
import { evalBuildCondition } from '../schema/build-features.js';
import { argsAt, availability } from '../schema/lookup.js';
import type { KaAvailability } from '../schema/lookup.js';
import type { KaKeywordSpec } from '../schema/types.js';
import type { KaCheckTarget } from './options.js';

/** What one keyword means for the target, worked out once per check run. */
export interface SpecFacts {
  availability: KaAvailability;
  args: readonly ArgSpec[] | undefined;
  /** How many of `args` are not optional. */
  required: number;
  /** Deprecated in the target; `reported` when keepalived reports it as an error. */
  deprecated?: { reported: boolean };
  /** Handler errors that apply to the target build and release. */
  errors: { message: string }[];
}

export function createSpecFacts(target: KaCheckTarget): (spec: KaKeywordSpec) => SpecFacts {
  const cache = new Map<KaKeywordSpec, SpecFacts>();
  const atLeast = (v: string) => compareVersions(target.version, v) >= 0;
  return (spec) => {
    let facts = cache.get(spec);
    if (facts) return facts;
    const errors = (spec.errorWhen ?? []).filter(
      (e) => (!e.when || evalBuildCondition(e.when, target.build)) && (!e.since || atLeast(e.since)) && (!e.until || !atLeast(e.until)),
    );
    const dep = spec.versions?.deprecated && atLeast(spec.versions.deprecated);
    const args = argsAt(spec, target.version);
    facts = {
      availability: availability(spec, target.version, target.build),
      args,
      required: args ? args.filter((a) => !a.optional).length : 0,
      errors,
      deprecated: dep ? { reported: (!!spec.deprecationReportedSince && atLeast(spec.deprecationReportedSince)) || errors.length > 0 } : undefined,
    };
    cache.set(spec, facts);
    return facts;
  };
}
