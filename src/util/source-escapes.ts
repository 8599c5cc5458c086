/**
 * Escapes that can spell a name in an identifier or a string: `\u0052`, `\x52`, `\122`, a line continuation.
 * Rules that rule a file out by searching its text for a name (`'Response'`, `'./'`) must not do so when the text
 * has one: `Twilio['Res\x70onse']` spells the name without containing it.
 */
const ESCAPE = /\\[ux0-7\n\r\u2028\u2029]/;

/** Whether `text` has an escape that could spell a name a text search would miss. */
export function hasSpellingEscape(text: string): boolean {
  return ESCAPE.test(text);
}
