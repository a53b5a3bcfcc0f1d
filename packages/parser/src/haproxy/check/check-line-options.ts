/**
 * bind and server lines: the listening or server address, and the options after it
 * (unknown names, options the target version lacks, missing values, options that
 * default-server refuses). HAProxy stops at the first unknown option of a line, so
 * only that one is reported.
 */
import type { Word } from '../../ast/common.js';
import { parseHaproxyAddress } from '../../model/haproxy/address.js';
import type { HaKeywordSpec, HaOptionSpec } from '../schema/types.js';
import type { Line } from './check-keywords.js';
import { perEntry, type CheckContext } from './context.js';
import { bareWord } from './resolve.js';
import { didYouMean } from './suggest.js';

interface LineShape {
  kind: 'bind' | 'server';
  /** Index of the address argument, or -1 when the line has none. */
  address: number;
  /** Index of the first option. */
  options: number;
  /** The address may be left out (peers' local `server NAME`). */
  optionalAddress?: boolean;
}

/** Which lines carry bind or server options, by 'group:keyword'. */
const SHAPES: Record<string, LineShape> = {
  'proxy:bind': { kind: 'bind', address: 0, options: 1 },
  'peers:bind': { kind: 'bind', address: 0, options: 1 },
  'log-forward:bind': { kind: 'bind', address: 0, options: 1 },
  'log-forward:dgram-bind': { kind: 'bind', address: 0, options: 1 },
  'global:stats socket': { kind: 'bind', address: 0, options: 1 },
  'peers:default-bind': { kind: 'bind', address: -1, options: 0 },
  'proxy:server': { kind: 'server', address: 1, options: 2 },
  'proxy:default-server': { kind: 'server', address: -1, options: 0 },
  'proxy:server-template': { kind: 'server', address: 2, options: 3 },
  'peers:peer': { kind: 'server', address: 1, options: 2 },
  'peers:server': { kind: 'server', address: 1, options: 2, optionalAddress: true },
  'peers:default-server': { kind: 'server', address: -1, options: 0 },
  'ring:server': { kind: 'server', address: 1, options: 2 },
};

/** Keywords (not options) that may follow `source` on a server line. */
const SOURCE_SUB = new Set(['usesrc', 'interface']);

const shapeOf = perEntry((_ctx, spec: HaKeywordSpec): LineShape | undefined => SHAPES[`${spec.group}:${spec.name}`]);

export function checkLineOptions(ctx: CheckContext, line: Line): void {
  const spec = line.resolved.spec;
  if (!spec) return;
  const shape = shapeOf(ctx, spec);
  if (!shape || ctx.schema.available(spec) !== 'available') return;
  if (!shape) return;
  const args = line.resolved.args;
  let first = shape.options;
  if (shape.address >= 0) {
    const word = args[shape.address];
    if (!word) return;
    if (shape.optionalAddress && ctx.schema.serverOption(word.value)) first = shape.address;
    else checkAddress(ctx, line, shape, word);
  }
  const isDefault = spec.name === 'default-server';
  let i = first;
  while (i < args.length) {
    const word = args[i];
    const name = word.value;
    if (word.hasVariable) return;
    // Some options carry their argument in parentheses (`set-proxy-v2-tlv-fmt(0xE1)`).
    const opt = optionSpec(ctx, shape.kind, name) ?? (name.includes('(') ? optionSpec(ctx, shape.kind, bareWord(name)) : undefined);
    if (!opt) {
      reportUnknownOption(ctx, line, shape.kind, word);
      return;
    }
    const availability = ctx.schema.available(opt);
    if (availability !== 'available') {
      const why =
        availability === 'not-yet'
          ? `the ${shape.kind} option '${name}' only exists from HAProxy ${opt.versions?.added} on`
          : `the ${shape.kind} option '${name}' was removed in HAProxy ${opt.versions?.removed}`;
      ctx.report('schema/unknown-option', 'error', `${why}: ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
      return;
    }
    if (opt.requires && !ctx.features.has(opt.requires)) {
      ctx.report(
        'schema/missing-build-option',
        ctx.featuresGiven ? 'error' : 'warning',
        `the ${shape.kind} option '${name}' only exists when HAProxy is built with ${opt.requires}: a build without it refuses to start`,
        line.setting.fileName,
        word,
      );
    }
    if (isDefault && opt.defaultOk === false) {
      ctx.report('schema/option-not-allowed', 'error', `'${name}' cannot be set on a default-server line: ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
    }
    const skip = optionSkip(opt, name, shape.kind);
    if (skip === undefined) return;
    if (i + skip >= args.length && skip > 0) {
      ctx.report('schema/missing-option-value', 'error', `the ${shape.kind} option '${name}' needs a value: ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
      return;
    }
    i += 1 + skip;
    // `source ADDR usesrc …` on a server line takes its own sub-keywords.
    if (shape.kind === 'server' && name === 'source') {
      while (i < args.length && SOURCE_SUB.has(args[i].value)) i += 2;
    }
  }
}

function optionSpec(ctx: CheckContext, kind: 'bind' | 'server', name: string): HaOptionSpec | undefined {
  return kind === 'bind' ? ctx.schema.bindOption(name) : ctx.schema.serverOption(name);
}

/** Words the option takes; undefined when the tables do not know (the rest of the line is not checked). */
function optionSkip(opt: HaOptionSpec, name: string, kind: string): number | undefined {
  // A server's `source` parses its own words (registered with no count).
  if (kind === 'server' && name === 'source') return 1;
  return opt.skip;
}

function reportUnknownOption(ctx: CheckContext, line: Line, kind: 'bind' | 'server', word: Word): void {
  const names = (kind === 'bind' ? ctx.schema.bindOptions() : ctx.schema.serverOptions()).filter((o) => ctx.schema.available(o) === 'available').map((o) => o.name);
  ctx.report(
    'schema/unknown-option',
    'error',
    `unknown ${kind} option '${word.value}': ${ctx.haproxy} refuses to start${didYouMean(word.value, names)}`,
    line.setting.fileName,
    word,
  );
}

/** `stream+` / `quic+` and `name@` prefixes must exist in the target (and its build). */
function checkPrefixes(ctx: CheckContext, line: Line, word: Word, part: string): boolean {
  // Without '+' or '@' neither prefix can match: skip the regular expression (most addresses).
  if (!part.includes('@') && !part.includes('+')) return true;
  const m = /^(?:([a-z]+\+))?(?:([a-z0-9]+@))?/.exec(part);
  for (const prefix of [m?.[1], m?.[2]]) {
    if (!prefix) continue;
    const entry = ctx.schema.addressPrefix(prefix);
    if (!entry) continue; // The address parser reports unknown prefixes.
    const availability = ctx.schema.available(entry);
    if (availability !== 'available') {
      const why = availability === 'not-yet' ? `only exists from HAProxy ${entry.versions?.added} on` : `was removed in HAProxy ${entry.versions?.removed}`;
      ctx.report('schema/invalid-address', 'error', `the address prefix '${prefix}' ${why}: ${ctx.haproxy} refuses the address '${part}' and does not start`, line.setting.fileName, word);
      return false;
    }
    if (entry.requires && !ctx.features.has(entry.requires)) {
      ctx.report(
        'schema/missing-build-option',
        ctx.featuresGiven ? 'error' : 'warning',
        `the address prefix '${prefix}' needs HAProxy built with QUIC support (USE_QUIC): without it HAProxy refuses the address '${part}'`,
        line.setting.fileName,
        word,
      );
      return false;
    }
  }
  return true;
}

function checkAddress(ctx: CheckContext, line: Line, shape: LineShape, word: Word): void {
  if (word.hasVariable) return;
  const isBind = shape.kind === 'bind';
  const parts = isBind ? word.value.split(',') : undefined;
  for (let p = 0; p < (parts ? parts.length : 1); p++) {
    const part = parts ? parts[p] : word.value;
    if (!checkPrefixes(ctx, line, word, part)) return;
    // A server's address word was parsed by the model from this very text.
    const a = !isBind && line.server?.addressWord === word ? line.server.address : parseHaproxyAddress(part);
    const label = isBind ? `'${line.resolved.name}'` : `server address`;
    if (a.error) {
      ctx.report('schema/invalid-address', 'error', `invalid ${label} address '${part}': ${a.error}; ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
      return;
    }
    const inet = a.family === 'ipv4' || a.family === 'ipv6' || a.family === 'hostname';
    // A listener on an IP needs a port (a server's may be left out: it reuses the client's).
    if (isBind && inet && a.port === undefined && a.portOffset === undefined && line.resolved.name !== 'stats socket') {
      ctx.report('schema/invalid-address', 'error', `${label} address '${part}' has no port: ${ctx.haproxy} refuses to start (write ${part.includes(':') && !part.startsWith('[') ? `[${part}]` : part}:PORT)`, line.setting.fileName, word);
      return;
    }
    if (isBind && a.portOffset !== undefined) {
      ctx.report('schema/invalid-address', 'error', `${label} address '${part}' has a relative port, which only servers accept: ${ctx.haproxy} refuses to start`, line.setting.fileName, word);
      return;
    }
  }
}
