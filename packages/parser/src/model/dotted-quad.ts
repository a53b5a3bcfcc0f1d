/**
 * Whether `text` is a dotted-quad IPv4 address: four decimal parts 0-255 without leading
 * zeros (`010.1.1.1` would be octal to some readers, so it is not one). A character loop,
 * not a regular expression: models and rules test every server and VIP address.
 */
export function isDottedQuad(text: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255) return false;
      parts++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return false;
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}
