import type { Diagnostic } from '../../source/diagnostic.js';
import type { ConditionContext } from '../../haproxy/condition.js';
import { flattenHaproxy } from './flatten.js';
import type { FlatFile } from './flatten.js';
import { addGlobalSection, emptyGlobal } from './global.js';
import { buildDefaults, buildProxy } from './proxy.js';
import type { DefaultsRegistry } from './proxy.js';
import { buildGeneric, buildMailers, buildPeers, buildResolvers, buildUserlist } from './sections.js';
import type { HaProxy, HaproxyModel } from './types.js';

export type { FlatFile as HaproxyModelInput } from './flatten.js';

/** What the model builder knows about the HAProxy that will read the files. */
export interface HaproxyModelOptions extends Partial<ConditionContext> {}

/**
 * Builds the semantic model from parsed files given in HAProxy's reading order.
 * Never throws; problems HAProxy would report while reading (a directive outside any
 * section, an unknown `from` defaults, `.alert`) come back as diagnostics.
 */
export function buildHaproxyModel(files: readonly FlatFile[], options: HaproxyModelOptions = {}): { model: HaproxyModel; diagnostics: Diagnostic[] } {
  const env = options.env ?? {};
  const ctx: ConditionContext = { ...options, env };
  const flat = flattenHaproxy(files, ctx);
  const diagnostics = flat.diagnostics;
  const model: HaproxyModel = {
    files: files.map((f) => f.fileName),
    global: emptyGlobal(),
    defaults: [],
    proxies: [],
    frontends: new Map(),
    backends: new Map(),
    userlists: [],
    peers: [],
    resolvers: [],
    mailers: [],
    otherSections: [],
    sections: [],
    conditionals: flat.conditionals,
    orphans: flat.orphans,
  };
  const registry: DefaultsRegistry = { byName: new Map() };
  const frontends = model.frontends as Map<string, HaProxy>;
  const backends = model.backends as Map<string, HaProxy>;
  const sourceOf = new Map(files.map((f) => [f.fileName, f.source]));

  for (const section of flat.sections) {
    switch (section.kind) {
      case 'global':
        addGlobalSection(model.global, section, env);
        model.sections.push(model.global.sections[model.global.sections.length - 1]);
        break;
      case 'defaults': {
        const d = buildDefaults(section, registry, env);
        if (d.from && !d.from.target) reportUnknownDefaults(d.from.word, d.from.name, section.fileName);
        else if (d.from?.target && (registry.byName.get(d.from.name)?.length ?? 0) > 1) reportAmbiguous(d.from.word, d.from.name, section.fileName);
        model.defaults.push(d);
        model.sections.push(d);
        break;
      }
      case 'frontend':
      case 'backend':
      case 'listen': {
        const p = buildProxy(section, registry, env);
        if (p.from && !p.from.target) reportUnknownDefaults(p.from.word, p.from.name, section.fileName);
        else if (p.from?.target && (registry.byName.get(p.from.name)?.length ?? 0) > 1) reportAmbiguous(p.from.word, p.from.name, section.fileName);
        model.proxies.push(p);
        model.sections.push(p);
        addByName(p.capabilities.frontend ? frontends : undefined, p);
        addByName(p.capabilities.backend ? backends : undefined, p);
        break;
      }
      case 'userlist':
        push(model.userlists, buildUserlist(section));
        break;
      case 'peers':
        push(model.peers, buildPeers(section, env));
        break;
      case 'resolvers':
        push(model.resolvers, buildResolvers(section));
        break;
      case 'mailers':
        push(model.mailers, buildMailers(section));
        break;
      default:
        push(model.otherSections, buildGeneric(section, env));
    }
  }
  return { model, diagnostics };

  function push<T extends HaproxyModel['sections'][number]>(list: T[], item: T) {
    list.push(item);
    model.sections.push(item);
  }

  function addByName(map: Map<string, HaProxy> | undefined, p: HaProxy) {
    // The first of two same-named proxies keeps the name (HAProxy rejects the second).
    if (map && p.name && !map.has(p.name)) map.set(p.name, p);
  }

  function reportUnknownDefaults(word: { start: number; end: number }, name: string, fileName: string) {
    const source = sourceOf.get(fileName);
    if (!source) return;
    diagnostics.push({
      code: 'model/unknown-defaults',
      severity: 'error',
      message: `no defaults section named '${name}' before this line: HAProxy rejects the configuration`,
      fileName,
      range: source.rangeOf(word.start, word.end),
    });
  }

  function reportAmbiguous(word: { start: number; end: number }, name: string, fileName: string) {
    const source = sourceOf.get(fileName);
    if (!source) return;
    diagnostics.push({
      code: 'model/ambiguous-defaults',
      severity: 'error',
      message: `several defaults sections are named '${name}': HAProxy cannot tell which one 'from ${name}' means`,
      fileName,
      range: source.rangeOf(word.start, word.end),
    });
  }
}
