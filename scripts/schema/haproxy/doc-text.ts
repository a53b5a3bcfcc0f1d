/**
 * Reads the structure of HAProxy's doc/configuration.txt: numbered sections,
 * keyword headings (a line at column 0 followed by an indented description),
 * the "May be used in sections" tables and the 4.1 proxy keywords matrix.
 * Only facts are kept (names, argument shapes, where allowed); never prose.
 */

export interface DocSection {
  number: string;
  title: string;
  /** Line index of the title. */
  start: number;
  /** Line index where the next section starts. */
  end: number;
}

export interface DocHeading {
  /** The heading line(s) as written, continuation lines joined with one space. */
  text: string;
  section: DocSection;
  line: number;
  /** The indented description shared by this heading and its siblings. */
  body: string[];
}

export interface MatrixRow {
  keyword: string;
  negatable: boolean;
  deprecated: boolean;
  /** defaults, frontend, listen, backend, in that order. */
  allowed: [boolean, boolean, boolean, boolean];
  namedDefaultsOnly: boolean;
}

export interface ParsedDoc {
  lines: string[];
  sections: DocSection[];
  headings: DocHeading[];
  matrix: MatrixRow[];
  /** Names in the "Pre-defined ACLs" table. */
  predefinedAcls: string[];
}

/** The upper-case names of the "Pre-defined ACLs" table. */
export function parsePredefinedAcls(lines: string[], section: DocSection | undefined): string[] {
  if (!section) return [];
  const names: string[] = [];
  for (let i = section.start; i < section.end; i++) {
    const m = /^([A-Z][A-Z0-9_.]+)\s{2,}\S/.exec(lines[i]);
    if (m && m[1] !== 'ACL') names.push(m[1]);
  }
  return names;
}

const SECTION_RE = /^(\d+(?:\.\d+)*)\.\s+(\S.*?)\s*$/;
const HEADING_START_RE = /^[a-z0-9][a-z0-9._-]*(?:\(|\s|$)/;

function isRule(line: string | undefined): boolean {
  return line !== undefined && /^[-=]{3,}\s*$/.test(line);
}

export function findSections(lines: string[]): DocSection[] {
  const sections: DocSection[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = SECTION_RE.exec(lines[i]);
    if (!m || !isRule(lines[i + 1])) continue;
    sections.push({ number: m[1], title: m[2], start: i, end: lines.length });
  }
  for (let i = 0; i + 1 < sections.length; i++) sections[i].end = sections[i + 1].start;
  return sections;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** A column-0 line that could name a keyword (not prose). */
function looksLikeHeading(line: string): boolean {
  if (!HEADING_START_RE.test(line)) return false;
  const trimmed = line.trimEnd();
  // Prose sentences end with a period or a colon; signatures do not.
  if (/[.:;,]$/.test(trimmed) && !/\.\.\.$/.test(trimmed) && !/\.\.\.\]$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  // Two lowercase prose words in a row after the keyword ("the frontend") are prose.
  // Prose: several plain lowercase words and no argument markers ("the frontend is ...").
  if (words.length >= 4 && !/[<[{(|]/.test(trimmed) && /^(the|a|an|is|are|it|of|and|or|in|for|this|that|if|when|with|by|be|will|can|may|must|should)$/.test(words[1])) {
    return false;
  }
  return true;
}

/** Headings inside [from, to): runs of column-0 lines immediately followed by indented text. */
export function findHeadings(lines: string[], section: DocSection): DocHeading[] {
  const headings: DocHeading[] = [];
  let i = section.start + 2;
  while (i < section.end) {
    const line = lines[i];
    if (line.trim() === '' || indentOf(line) > 0 || !looksLikeHeading(line)) {
      i++;
      continue;
    }
    // Collect a run of headings, each possibly continued by deeply indented lines.
    const run: { text: string; line: number }[] = [];
    let j = i;
    while (j < section.end) {
      const l = lines[j];
      if (l.trim() !== '' && indentOf(l) === 0 && looksLikeHeading(l)) {
        let text = l.trim();
        let k = j + 1;
        while (k < section.end && indentOf(lines[k]) >= 6 && /^\s+[[<{(|a-z-]/.test(lines[k]) && lines[k].trim() !== '' && isSignatureContinuation(lines[k])) {
          text += ' ' + lines[k].trim();
          k++;
        }
        run.push({ text, line: j });
        j = k;
        continue;
      }
      break;
    }
    // One blank line may separate the headings from their description.
    if (run.length > 0 && lines[j]?.trim() === '' && lines[j + 1] !== undefined && indentOf(lines[j + 1]) === 2 && lines[j + 1].trim() !== '') j++;
    const next = lines[j];
    if (run.length === 0 || next === undefined || next.trim() === '' || indentOf(next) < 2) {
      i = Math.max(j, i + 1);
      continue;
    }
    let end = j;
    while (end < section.end) {
      const l = lines[end];
      if (l.trim() !== '' && indentOf(l) === 0) break;
      end++;
    }
    const body = lines.slice(j, end);
    for (const h of run) headings.push({ text: h.text, section, line: h.line, body });
    i = end;
  }
  return headings;
}

/** Continuation of a long signature: starts with an argument marker, no sentence. */
function isSignatureContinuation(line: string): boolean {
  const t = line.trim();
  return /^[[<{(|]/.test(t) && !/\.\s*$/.test(t);
}

const MATRIX_ROW_RE =
  /^(\S.*?)\s+(?:\((\*|deprecated)\)\s+)?(X|-)\s*(\(!\))?\s+(X|-)\s+(X|-)\s+(X|-)\s*$/;

export function parseMatrix(lines: string[], section: DocSection | undefined): MatrixRow[] {
  if (!section) return [];
  const rows: MatrixRow[] = [];
  for (let i = section.start; i < section.end; i++) {
    const line = lines[i];
    if (/^\s*keyword\s+defaults/.test(line) || /^-/.test(line)) continue;
    const m = MATRIX_ROW_RE.exec(line);
    if (!m) continue;
    rows.push({
      keyword: m[1].trim(),
      negatable: m[2] === '*',
      deprecated: m[2] === 'deprecated',
      allowed: [m[3] === 'X', m[5] === 'X', m[6] === 'X', m[7] === 'X'],
      namedDefaultsOnly: m[4] !== undefined,
    });
  }
  return rows;
}

/** The "May be used in sections" table in a keyword's description, if any. */
export function parseMayBeUsed(body: string[]): [boolean, boolean, boolean, boolean] | undefined {
  for (let i = 0; i + 1 < body.length; i++) {
    if (!/May be used in sections?\s*:/.test(body[i])) continue;
    const cells = body[i + 1].split('|').map((c) => c.trim());
    if (cells.length !== 4) return undefined;
    const yes = cells.map((c) => /^yes/.test(c));
    return [yes[0], yes[1], yes[2], yes[3]];
  }
  return undefined;
}

export function parseDocText(text: string): ParsedDoc {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const sections = findSections(lines);
  const headings: DocHeading[] = [];
  for (const s of sections) headings.push(...findHeadings(lines, s));
  const matrixSection = sections.find((s) => /^proxy keywords matrix$/i.test(s.title));
  const aclSection = sections.find((s) => /^pre-defined acls$/i.test(s.title));
  return { lines, sections, headings, matrix: parseMatrix(lines, matrixSection), predefinedAcls: parsePredefinedAcls(lines, aclSection) };
}
