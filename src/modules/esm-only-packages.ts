/**
 * Packages that became ESM-only, for projects linted before `npm install` (CI lint steps often run first).
 * Verified tag by tag (shared reference "ESM-only packages and Node's require(esm)"): `firstEsmOnly` is the
 * first version that cannot be `require()`d on Node 18, `lastCommonJs` the last one that can.
 */
export interface EsmOnlyPackage {
  readonly firstEsmOnly: string;
  readonly lastCommonJs: string;
  /** Whether the ESM version has a default export (decides between `{ default: X }` and named imports). */
  readonly hasDefault: boolean;
  /** Named exports known to exist in every ESM-only major (not exhaustive: absence proves nothing). */
  readonly named: readonly string[];
  /** A CommonJS way out, for the message, when there is a better one than pinning `lastCommonJs`. */
  readonly alternative?: string;
}

function entry(
  firstEsmOnly: string,
  lastCommonJs: string,
  hasDefault: boolean,
  named: readonly string[] = [],
  alternative?: string,
): EsmOnlyPackage {
  return alternative === undefined
    ? { firstEsmOnly, lastCommonJs, hasDefault, named }
    : { firstEsmOnly, lastCommonJs, hasDefault, named, alternative };
}

export const ESM_ONLY_PACKAGES: ReadonlyMap<string, EsmOnlyPackage> = new Map([
  ['got', entry('12.0.0', '11.8.6', true, ['got'], 'the global `fetch()`, or got@11 (11.8.6)')],
  ['p-retry', entry('5.0.0', '4.6.2', true, ['AbortError'])],
  ['node-fetch', entry('3.0.0', '2.7.0', true, ['Headers', 'Request', 'Response'], 'the global `fetch()`, or node-fetch@2 (2.7.0)')],
  ['chalk', entry('5.0.0', '4.1.2', true)],
  ['execa', entry('6.0.0', '5.1.1', false, ['execa'])],
  ['nanoid', entry('4.0.0', '3.3.18', false, ['nanoid', 'customAlphabet'], 'nanoid@3 (dual, still patched)')],
  ['ora', entry('6.0.0', '5.4.1', true)],
  ['p-limit', entry('4.0.0', '3.1.0', true)],
  ['p-queue', entry('7.0.0', '6.6.2', true)],
  ['ky', entry('0.26.0', '0.25.1', true)],
  ['uuid', entry('12.0.0', '11.1.1', false, ['v1', 'v4', 'v5', 'v7', 'validate', 'version'], '`crypto.randomUUID()`, or uuid@11 (dual)')],
  ['p-map', entry('5.0.0', '4.0.0', true)],
  ['globby', entry('12.0.0', '11.1.0', false, ['globby'])],
  ['mime', entry('4.0.0', '3.0.0', true, ['Mime'])],
  ['@octokit/rest', entry('21.0.0', '20.1.2', false, ['Octokit'], '@octokit/rest@20 (20.1.2)')],
  ['jose', entry('6.0.0', '5.10.0', false, [], 'jose@5 (dual)')],
  ['file-type', entry('17.0.0', '16.5.4', false, ['fileTypeFromBuffer'])],
  ['query-string', entry('8.0.0', '7.1.3', true)],
  ['open', entry('9.0.0', '8.4.2', true)],
  ['p-timeout', entry('5.0.0', '4.1.0', true)],
  ['pretty-bytes', entry('6.0.0', '5.6.0', true)],
  ['del', entry('7.0.0', '6.1.1', false, ['deleteAsync'])],
  ['find-up', entry('6.0.0', '5.0.0', false, ['findUp'])],
  ['strip-ansi', entry('7.0.0', '6.0.1', true)],
  ['ansi-regex', entry('6.0.0', '5.0.1', true)],
  ['string-width', entry('5.0.0', '4.2.3', true)],
  ['wrap-ansi', entry('8.0.0', '7.0.0', true)],
  ['camelcase', entry('7.0.0', '6.3.0', true)],
  ['escape-string-regexp', entry('5.0.0', '4.0.0', true)],
  ['log-symbols', entry('5.0.0', '4.1.0', true)],
  ['boxen', entry('6.0.0', '5.1.2', true)],
  ['get-stream', entry('7.0.0', '6.0.1', true)],
  ['dot-prop', entry('7.0.0', '6.0.1', false, ['getProperty'])],
  ['delay', entry('6.0.0', '5.0.0', true)],
  ['p-throttle', entry('5.0.0', '4.1.1', true)],
  ['pretty-ms', entry('8.0.0', '7.0.1', true)],
  ['serialize-error', entry('9.0.0', '8.1.0', false, ['serializeError'])],
  ['@sindresorhus/is', entry('5.0.0', '4.6.0', true)],
  ['quick-lru', entry('6.0.0', '5.1.1', true)],
  ['normalize-url', entry('7.0.0', '6.1.0', true)],
  ['figures', entry('4.0.0', '3.2.0', true)],
  ['get-port', entry('6.0.0', '5.1.1', true)],
  ['meow', entry('10.0.0', '9.0.0', true)],
  ['crypto-random-string', entry('4.0.0', '3.3.1', true)],
  ['p-event', entry('5.0.0', '4.2.0', false, ['pEvent'])],
]);

/** The package name of a bare specifier: `got` → `got`, `@octokit/rest/x` → `@octokit/rest`; undefined otherwise. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#') || specifier.includes(':')) {
    return undefined;
  }
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.length >= 2 && parts[1] ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0] || undefined;
}

/** The message's CommonJS way out for a package: its better alternative, else pinning its last CommonJS major. */
export function commonJsAlternative(name: string): string | undefined {
  const known = ESM_ONLY_PACKAGES.get(name);
  if (!known) return undefined;
  return known.alternative ?? `${name}@${known.lastCommonJs.split('.')[0]} (${known.lastCommonJs})`;
}

/**
 * Properties of the default export that no ESM-only major exports by name, so that `got.post(…)` is known to
 * fail on the namespace require(esm) returns even before `npm install`: got's and ky's request methods are
 * methods of the default instance, mime's lookups belong to its default `Mime` instance, chalk's styles to its
 * default `chalk` instance (each package's ESM entry names its exports; none of these is among them).
 */
export const DEFAULT_EXPORT_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['got', ['get', 'post', 'put', 'patch', 'delete', 'head', 'extend', 'stream', 'paginate', 'defaults']],
  ['ky', ['get', 'post', 'put', 'patch', 'delete', 'head', 'create', 'extend', 'stop']],
  ['mime', ['getType', 'getExtension', 'getAllExtensions', 'define']],
  [
    'chalk',
    ['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey', 'black', 'bold', 'dim', 'italic', 'underline', 'inverse', 'strikethrough', 'bgRed', 'bgGreen', 'bgYellow', 'bgBlue', 'hex', 'rgb', 'level'],
  ],
]);
