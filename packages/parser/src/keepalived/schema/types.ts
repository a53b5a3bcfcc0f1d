import type { KeywordSpec, Version } from '../../schema/types.js';

/**
 * A keepalived keyword. Beyond the shared shape it records the build features it
 * needs and handler-level errors that depend on the build.
 */
export interface KaKeywordSpec extends KeywordSpec {
  /**
   * The C preprocessor condition under which keepalived compiles the keyword in
   * (e.g. `defined _WITH_LVS_ && defined _WITH_VRRP_`); absent when always built.
   * `evalBuildCondition()` evaluates it against a `KaBuildFeatures` set.
   */
  requires?: string;
  /** keepalived reports an error whenever the keyword is used (on builds matching `when`, when given). */
  errorWhen?: { when?: string; message: string; since?: Version; until?: Version }[];
  /**
   * First release in which keepalived itself reports the deprecation as a config error
   * (`keepalived -t` fails); before it, or when absent, the old keyword works silently.
   */
  deprecationReportedSince?: Version;
  /** The first argument may be a quoted string with escapes (keepalived 2.3+). */
  quotedArgs?: boolean;
}
