/**
 * Rules of ESLint core, eslint-plugin-promise and eslint-plugin-n that flag Twilio's own idioms in a Function. The
 * concern behind most of them (answer exactly once, do no work after answering) is what require-callback and
 * no-code-after-callback check per path. Only `off` is set, so the config works whether or not those plugins are
 * installed: ESLint does not look a rule up to turn it off.
 */
export const OVERLAPPING_RULES = [
  // The handler's return value is ignored: `return callback(…)` on one path and a bare `return` on another is fine.
  'consistent-return',
  // `.then((message) => callback(null, message.sid))` is how a Function answers after a promise settles.
  'promise/no-callback-in-promise',
  // The last `.then()` of a Function calls back instead of returning a value.
  'promise/always-return',
  // `callback(…)` without `return`: no-code-after-callback reports it only where code really runs after it.
  'n/callback-return',
  // `callback('Missing "To"')`: Twilio answers a string error with a 500 that carries the string.
  'n/no-callback-literal',
] as const;
