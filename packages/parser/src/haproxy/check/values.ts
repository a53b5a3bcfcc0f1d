/** How HAProxy reads durations, sizes and integers (tools.c parse_time_err, parse_size_err). */

export type ValueVerdict = { ok: true } | { ok: false; severity: 'error' | 'warning'; reason: string };

const TIME_UNITS = ['us', 'ms', 's', 'm', 'h', 'd'];

/**
 * A duration: digits, then optionally one of us, ms, s, m, h, d. HAProxy refuses a
 * value that does not start with a digit or has an unknown unit; text after a valid
 * unit (`5sec`, `2mins`) only gets a warning (from 2.4 on; ignored before).
 */
export function checkDuration(text: string): ValueVerdict {
  const m = /^(\d+)(.*)$/.exec(text);
  if (!m) return { ok: false, severity: 'error', reason: `'${text}' is not a duration (a number, optionally followed by us, ms, s, m, h or d)` };
  const rest = m[2];
  if (rest === '' || TIME_UNITS.includes(rest)) return { ok: true };
  const unit = TIME_UNITS.filter((u) => rest.startsWith(u)).sort((a, b) => b.length - a.length)[0];
  if (!unit) return { ok: false, severity: 'error', reason: `'${text}' has an unknown time unit '${rest}' (use us, ms, s, m, h or d)` };
  return { ok: false, severity: 'warning', reason: `'${text}': HAProxy reads '${m[1]}${unit}' and ignores '${rest.slice(unit.length)}' (use us, ms, s, m, h or d)` };
}

/** A size: digits, then optionally k, m or g (case-insensitive). */
export function checkSize(text: string): ValueVerdict {
  return /^\d+[kKmMgG]?$/.test(text) ? { ok: true } : { ok: false, severity: 'error', reason: `'${text}' is not a size (a number, optionally followed by k, m or g)` };
}

/** An integer (a leading minus allowed where the keyword accepts one), within [min, max] when given. */
export function checkInteger(text: string, min?: number, max?: number): ValueVerdict {
  if (!/^-?\d+$/.test(text)) return { ok: false, severity: 'error', reason: `'${text}' is not an integer` };
  const n = Number(text);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range = max === undefined ? `at least ${min}` : min === undefined ? `at most ${max}` : `between ${min} and ${max}`;
    return { ok: false, severity: 'error', reason: `${text} is out of range (${range})` };
  }
  return { ok: true };
}
