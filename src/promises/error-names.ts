/** Names that say "this is an error": `e`, `err`, `error`, `…Err`, `…Error` (any case). */
const ERROR_NAME = /^(e|err|error|\w*Err(or)?)$/i;

/** Whether a parameter or argument is named as an error, the only sign of a node-style callback some calls give. */
export function isErrorName(name: string): boolean {
  return ERROR_NAME.test(name);
}
