import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { languageFromContent, languageFromName, type ConfigLanguage } from './language.js';
import { readConfigText } from './read-text.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A file to check or format, and its language. */
export interface ConfigTarget {
  filePath: string;
  language: ConfigLanguage;
  /** Set when the text was already read to recognise the language. */
  text?: string;
}

export interface Discovery {
  targets: ConfigTarget[];
  /** One line per path that could not be used; any of these makes the run exit 2. */
  problems: string[];
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, out);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
}

/**
 * Turns command-line paths into files to check (cfglint) or format (cfgfmt), with one set
 * of rules for both. Directories are searched recursively
 * for files whose name implies a language; files named explicitly are taken by name,
 * then `language`, then content.
 */
export function discoverTargets(paths: string[], language: ConfigLanguage | undefined): Discovery {
  const targets: ConfigTarget[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (filePath: string, lang: ConfigLanguage, text?: string) => {
    const key = path.resolve(filePath);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(text === undefined ? { filePath, language: lang } : { filePath, language: lang, text });
  };

  for (const given of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(given).isDirectory();
    } catch {
      problems.push(`${given}: no such file or directory`);
      continue;
    }
    if (isDirectory) {
      const files: string[] = [];
      walk(given, files);
      files.sort();
      let found = 0;
      for (const file of files) {
        const lang = languageFromName(file);
        if (lang && (!language || lang === language)) {
          add(file, lang);
          found++;
        }
      }
      if (found === 0) problems.push(`${given}: no ${language ?? 'keepalived or haproxy'} configuration files found in this directory`);
      continue;
    }
    const byName = language ?? languageFromName(given);
    if (byName) {
      add(given, byName);
      continue;
    }
    const read = readConfigText(given);
    if (!read.ok) {
      problems.push(`${given}: ${read.reason}`);
      continue;
    }
    const byContent = languageFromContent(read.text);
    if (byContent) add(given, byContent, read.text);
    else problems.push(`${given}: cannot tell whether this is a keepalived or an haproxy configuration; pass --language keepalived|haproxy`);
  }
  return { targets, problems };
}
