import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The parser's only I/O seam: the loaders read included files and configuration
 * directories through it, so the language server can serve unsaved editor buffers.
 */
export interface FileSystem {
  /** The file's text, or undefined when it cannot be read. */
  readFile(fileName: string): string | undefined;
  /** Whether the path is an existing directory. */
  isDirectory(fileName: string): boolean;
  /** Names (not paths) of the entries of a directory, unsorted; empty when unreadable. */
  readDirectory(dirName: string): string[];
}

/** The real file system. Text is decoded as UTF-8. */
export const nodeFileSystem: FileSystem = {
  readFile(fileName) {
    try {
      return fs.readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
  isDirectory(fileName) {
    try {
      return fs.statSync(fileName).isDirectory();
    } catch {
      return false;
    }
  },
  readDirectory(dirName) {
    try {
      return fs.readdirSync(dirName);
    } catch {
      return [];
    }
  },
};

/** A file system over a map of absolute paths to texts (tests, editor overlays). */
export function createMemoryFileSystem(files: Record<string, string>, fallback?: FileSystem): FileSystem {
  const normalized = new Map(Object.entries(files).map(([name, text]) => [path.resolve(name), text]));
  const isDir = (dir: string) => {
    const prefix = path.resolve(dir) + path.sep;
    for (const name of normalized.keys()) if (name.startsWith(prefix)) return true;
    return false;
  };
  return {
    readFile: (fileName) => normalized.get(path.resolve(fileName)) ?? fallback?.readFile(fileName),
    isDirectory: (fileName) => isDir(fileName) || (fallback?.isDirectory(fileName) ?? false),
    readDirectory(dirName) {
      const prefix = path.resolve(dirName) + path.sep;
      const names = new Set<string>(fallback?.readDirectory(dirName) ?? []);
      for (const name of normalized.keys()) {
        if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split(path.sep)[0]);
      }
      return [...names];
    },
  };
}
