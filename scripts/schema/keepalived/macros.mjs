// Evaluates the integer constant expressions that keepalived passes as range limits
// (VRRP_PRIO_OWNER, UINT_MAX / TIMER_HZ, 255 * TIMER_HZ …) using the #defines of the
// same snapshot plus the C limits of an LP64 Linux system.

const C_LIMITS = {
  INT_MAX: 2147483647,
  INT_MIN: -2147483648,
  INT32_MIN: -2147483648,
  UINT_MAX: 4294967295,
  UINT16_MAX: 65535,
  UINT8_MAX: 255,
  UINT32_MAX: 4294967295,
  INT32_MAX: 2147483647,
  LONG_MAX: 9223372036854775807n,
  ULONG_MAX: 18446744073709551615n,
  USHRT_MAX: 65535,
  UCHAR_MAX: 255,
  SIZE_MAX: 18446744073709551615n,
  true: 1,
  false: 0,
};

/** Collects `#define NAME value` of every file; the first definition of a name wins. */
export function collectDefines(files) {
  const defines = new Map();
  for (const file of files) {
    for (const d of file.defines) if (!defines.has(d.name) && d.value) defines.set(d.name, d.value);
  }
  return defines;
}

/**
 * The value of a C integer expression, or undefined when it uses anything but
 * numbers, known macros, casts and + - * / % << >> | & ( ).
 */
export function evalExpr(text, defines, depth = 0) {
  if (depth > 12 || text === undefined) return undefined;
  let expr = String(text)
    .replace(/\(\s*(?:unsigned|signed|int|long|short|char|uint\d+_t|int\d+_t|size_t|time_t|float|double)(?:\s+(?:int|long))*\s*\)/g, '')
    .replace(/\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]+\b/g, '$1')
    .trim();
  let failed = false;
  expr = expr.replace(/[A-Za-z_]\w*/g, (name) => {
    if (name in C_LIMITS) return String(C_LIMITS[name]);
    const def = defines.get(name);
    if (def === undefined) {
      failed = true;
      return name;
    }
    const v = evalExpr(def, defines, depth + 1);
    if (v === undefined) {
      failed = true;
      return name;
    }
    return `(${v})`;
  });
  if (failed || !/^[\d\s+\-*/%()<>|&~^xXa-fA-F]*$/.test(expr) || !expr.trim()) return undefined;
  try {
    // Integer arithmetic like C: BigInt keeps 64-bit limits exact, division truncates.
    const big = Function(`"use strict"; return (${expr.replace(/\b(0[xX][0-9a-fA-F]+|\d+)\b/g, '$1n')});`)();
    const n = Number(big);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}
