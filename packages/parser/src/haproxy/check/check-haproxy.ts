import type { HaProxy, HaSectionBase, HaServer } from '../../model/haproxy/types.js';
import type { Diagnostic } from '../../source/diagnostic.js';
import type { HaproxyLoadResult } from '../load.js';
import { getHaproxySchema } from '../schema/schema.js';
import { checkAction } from './check-actions.js';
import { checkArguments } from './check-arguments.js';
import { checkKeyword, resolveLine, type Line } from './check-keywords.js';
import { checkLineOptions } from './check-line-options.js';
import { checkLogLine } from './check-log-lines.js';
import { checkNames, checkTrackCounter } from './check-names.js';
import { checkCheckSequences, checkFilter, checkTrackTables } from './check-proxy-rules.js';
import { checkSamples } from './check-samples.js';
import {
  AclScope,
  checkBackendRefs,
  checkDefaultsRuleInheritance,
  checkUseServerRefs,
  checkUserlistRefs,
  isRuleKeyword,
} from './check-references.js';
import { checkDuplicateProxies, checkSection } from './check-sections.js';
import { CheckContext, type CheckHaproxyOptions } from './context.js';

const PROXY_KINDS = new Set(['frontend', 'backend', 'listen']);

/**
 * Checks loaded haproxy.cfg files against the keyword tables of the target version
 * and resolves the names lines refer to. Errors are what makes `haproxy -c` fail;
 * warnings are what it only warns about. Parse and load problems are not repeated
 * here: they are in `loaded.diagnostics`.
 */
export function checkHaproxy(loaded: HaproxyLoadResult, options: CheckHaproxyOptions = {}): Diagnostic[] {
  const ctx = new CheckContext(loaded, getHaproxySchema(options.version), options);
  const model = loaded.model;
  const linesOf = new Map<HaSectionBase, Line[]>();
  // Sections holding a stick table, by name (a peers section's tables are named peers/table).
  const tables = new Set(model.proxies.filter((p) => p.settings.some((s) => s.keyword === 'stick-table')).map((p) => p.name));
  for (const section of model.sections) {
    if (section.undecided) continue;
    if (!checkSection(ctx, section)) continue;
    // Indexed loops per line: until V8 optimizes a function, for…of allocates an iterator
    // result per element (27 MB of the 213 MB a 3.4 MB file's lint allocates).
    const settings = section.settings;
    const lines: Line[] = [];
    for (let i = 0; i < settings.length; i++) if (!settings[i].undecided) lines.push(resolveLine(ctx, settings[i], section.kind, section.name ?? ''));
    // Only defaults sections' lines are read again (rule inheritance, below); keeping every
    // section's would keep four objects per line alive through the whole check.
    if (section.kind === 'defaults') linesOf.set(section, lines);
    const acls = new AclScope(ctx, lines);
    // Server lines reuse the address the model parsed (same word, same text).
    const servers = PROXY_KINDS.has(section.kind) ? (section as HaProxy).servers : undefined;
    let nextServer = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (servers && nextServer < servers.length) nextServer = attachServer(line, servers, nextServer);
      checkKeyword(ctx, line);
      checkArguments(ctx, line);
      checkLineOptions(ctx, line);
      checkAction(ctx, line);
      checkUserlistRefs(ctx, line);
      checkSamples(ctx, line);
      checkFilter(ctx, line);
      checkLogLine(ctx, line);
      checkNames(ctx, line);
      checkTrackCounter(ctx, line);
      acls.visit(line);
    }
    if (PROXY_KINDS.has(section.kind) || section.kind === 'defaults') {
      checkCheckSequences(ctx, lines);
      checkTrackTables(ctx, section, lines, tables);
    }
    if (PROXY_KINDS.has(section.kind)) checkUseServerRefs(ctx, section as HaProxy);
  }
  checkDuplicateProxies(ctx);
  checkBackendRefs(ctx);
  if (ctx.atLeast('2.5')) {
    const rules = new Map<HaSectionBase, Set<string>>();
    checkDefaultsRuleInheritance(ctx, (d) => {
      let r = rules.get(d);
      if (!r) rules.set(d, (r = new Set((linesOf.get(d) ?? []).map((l) => l.resolved.spec?.name ?? '').filter(isRuleKeyword))));
      return r;
    });
  }
  return ctx.diagnostics;
}

/**
 * Servers are listed in the order of their lines: the first server at or after `from`
 * whose line this is becomes `line.server`. Returns where the next search starts.
 */
function attachServer(line: Line, servers: readonly HaServer[], from: number): number {
  const start = line.setting.node.start;
  let i = from;
  while (i < servers.length && servers[i].setting.node.start < start) i++;
  if (i < servers.length && servers[i].setting === line.setting) {
    line.server = servers[i];
    return i + 1;
  }
  return i;
}
