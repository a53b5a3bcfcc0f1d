/**
 * Reads the HTML configuration manual that Debian's haproxy-doc package ships
 * (produced by haproxy-dconv from configuration.txt of the packaged release) into
 * the same shape as doc-text.ts: sections, keyword headings and the proxy matrix.
 */
import type { DocHeading, DocSection, MatrixRow, ParsedDoc } from './doc-text.js';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ', '#39': "'" };

export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|amp|quot|nbsp|#39);/g, (_, e: string) => ENTITIES[e])
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)));
}

/**
 * `titles` maps section numbers to titles (from the same branch's configuration.txt):
 * dconv sometimes fails to render a section heading, but every keyword's link still
 * names its section number.
 */
export function parseDocHtml(html: string, titles: Map<string, string> = new Map()): ParsedDoc {
  const sections: DocSection[] = [];
  const headings: DocHeading[] = [];
  const matrix: MatrixRow[] = [];
  // One pass over headings, keyword divs and matrix rows, in document order.
  const re =
    /<h[1-6] id="chapter-([\d.]+)"[^>]*>(.*?)<\/h[1-6]>|<div class="keyword">(.*?)<\/div>(?:<pre class="text">([\s\S]*?)<\/pre>)?|<tr><td None>(.*?)<\/tr>/g;
  let current: DocSection | undefined;
  let pending: DocHeading[] = [];
  for (const m of html.matchAll(re)) {
    if (m[1] !== undefined) {
      const title = htmlText(m[2]).replace(/^\s*[\d.]+\s*/, '').trim();
      current = { number: m[1].replace(/\.$/, ''), title, start: m.index ?? 0, end: 0 };
      sections.push(current);
      pending = [];
    } else if (m[3] !== undefined && current) {
      const href = /href="#([\d.]+)-/.exec(m[3]);
      if (href && href[1] !== current.number) {
        current = { number: href[1], title: titles.get(href[1]) ?? '', start: m.index ?? 0, end: 0 };
        sections.push(current);
        pending = [];
      }
      const text = htmlText(m[3]).replace(/\s+/g, ' ').trim();
      const heading: DocHeading = { text, section: current, line: -1, body: [] };
      headings.push(heading);
      pending.push(heading);
      if (m[4] !== undefined) {
        // Siblings without their own description share this one.
        const body = htmlText(m[4]).split('\n').map((l) => `  ${l}`);
        for (const h of pending) h.body = body;
        pending = [];
      }
    } else if (m[5] !== undefined && current?.number === '4.1') {
      const cells = m[5].split(/<\/td>/).slice(0, 5);
      if (cells.length < 5) continue;
      const first = cells[0];
      const marker = /\((\*|deprecated)\)/.exec(htmlText(first));
      const name = htmlText(first.replace(/<span class="pull-right">.*?<\/span><\/span>/, '')).trim();
      const isX = (c: string) => /alt="X"/.test(c) || /^\s*X/.test(htmlText(c));
      matrix.push({
        keyword: name,
        negatable: marker?.[1] === '*',
        deprecated: marker?.[1] === 'deprecated',
        allowed: [isX(cells[1]), isX(cells[2]), isX(cells[3]), isX(cells[4])],
        namedDefaultsOnly: /\(!\)/.test(htmlText(cells[1])),
      });
    }
  }
  for (let i = 0; i < sections.length; i++) sections[i].end = sections[i + 1]?.start ?? html.length;
  return { lines: [], sections, headings, matrix, predefinedAcls: [] };
}
