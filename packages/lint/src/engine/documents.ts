import * as path from 'node:path';
import type { Diagnostic, FileSystem, HaproxyLoadResult, HaproxyModel, KeepalivedLoadResult, KeepalivedModel, SourceFile } from '@cfglint/parser';
import { checkHaproxy, checkKeepalived, loadHaproxy, loadKeepalived } from '@cfglint/parser';
import type { CfglintConfig } from './config.js';
import { hostOf, type HostKey } from './hosts.js';
import type { LintTarget, TargetVersions } from './types.js';

interface DocumentBase {
  /** Absolute path of the entry file. */
  filePath: string;
  host: HostKey;
  /** Parse, load and schema-check findings (rules add theirs later). */
  diagnostics: Diagnostic[];
  /** Absolute paths of every file read: the entry and what it includes. */
  files: string[];
  source(fileName: string): SourceFile | undefined;
}

export interface KeepalivedDocument extends DocumentBase {
  language: 'keepalived';
  loaded: KeepalivedLoadResult;
  model: KeepalivedModel;
}

export interface HaproxyDocument extends DocumentBase {
  language: 'haproxy';
  loaded: HaproxyLoadResult;
  model: HaproxyModel;
}

export type LintDocument = KeepalivedDocument | HaproxyDocument;

/** The fields both kinds of document derive the same way from a load result. */
function common(loaded: { files: Map<string, { source: SourceFile }>; diagnostics: Diagnostic[] }, checked: Diagnostic[]) {
  return {
    diagnostics: [...loaded.diagnostics, ...checked],
    files: [...loaded.files.keys()].map((f) => path.resolve(f)),
    source: (fileName: string) => loaded.files.get(fileName)?.source ?? loaded.files.get(path.resolve(fileName))?.source,
  };
}

/** Loads one target into a document: parse, preprocess/include, typed model, schema check for the target version. */
export function loadDocument(target: LintTarget, options: { fs: FileSystem; config: CfglintConfig; versions: Required<TargetVersions> }): LintDocument {
  const filePath = path.resolve(target.filePath);
  const host = hostOf(filePath, options.config);
  if (target.language === 'keepalived') {
    const configId = host.explicit ? (options.config.nodes[host.name]?.configId ?? host.name) : undefined;
    const loaded = loadKeepalived(filePath, { fs: options.fs, configId });
    const features = options.config.keepalivedFirewall === 'iptables' ? { iptables: true, nftables: false } : undefined;
    const checked = checkKeepalived(loaded, { version: options.versions.keepalived, features });
    return { language: 'keepalived', filePath, host, loaded, model: loaded.model, ...common(loaded, checked) };
  }
  const loaded = loadHaproxy([filePath, ...(target.alsoLoad ?? []).map((f) => path.resolve(f))], { fs: options.fs });
  const checked = checkHaproxy(loaded, { version: options.versions.haproxy });
  return { language: 'haproxy', filePath, host, loaded, model: loaded.model, ...common(loaded, checked) };
}
