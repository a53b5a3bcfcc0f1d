import type { Range } from './source-file.js';

export type Severity = 'error' | 'warning' | 'info';

/** A location in some file: used for related information (the peer's line in another file). */
export interface Location {
  fileName: string;
  range: Range;
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

/**
 * A finding from the parser, the schema checker or a rule. `code` is stable and
 * namespaced: `lex/…`, `parse/…`, `include/…`, `schema/…`, or a lint rule id.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  fileName: string;
  range: Range;
  related?: RelatedInformation[];
}
