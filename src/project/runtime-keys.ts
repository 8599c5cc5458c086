import { extname, sep } from 'node:path';

/** Who may reach a Function or an asset: Twilio reads it from the file name (`x.protected.js`, `x.private.json`). */
export type Visibility = 'public' | 'protected' | 'private';

/**
 * The Serverless path of a file, as the Serverless Toolkit computes it (`getPathAndAccessFromFileInfo` in
 * `@twilio-labs/serverless-api`): `/` + its folder + its base name without the `.protected`/`.private` suffix,
 * the extension kept for assets and dropped for Functions, every blank turned into `-`.
 */
export function serverlessPath(
  relativePath: string,
  dropExtension: string | undefined,
): { readonly path: string; readonly visibility: Visibility } {
  const name = relativePath.split(sep).join('/');
  const extension = extname(name);
  const slash = name.lastIndexOf('/');
  const folder = slash === -1 ? '' : name.slice(0, slash + 1);
  let base = name.slice(slash + 1, name.length - extension.length);
  const visibility: Visibility = name.includes(`.protected${extension}`)
    ? 'protected'
    : name.includes(`.private${extension}`)
      ? 'private'
      : 'public';
  if (visibility !== 'public') base = base.replace(`.${visibility}`, '');
  const withExtension = extension === dropExtension ? base : base + extension;
  return { path: `/${folder}${withExtension}`.replace(/\s/g, '-'), visibility };
}

/** `Runtime.getFunctions()` keys are the Serverless path without its leading slash (`utils/auth`). */
export function functionKey(serverlessFunctionPath: string): string {
  return serverlessFunctionPath.slice(1);
}

/**
 * The file name a Function or an asset gets when it is made private: `data.json` → `data.private.json`,
 * `utils/auth.protected.js` → `utils/auth.private.js`.
 */
export function privateName(relativePath: string): string {
  const name = relativePath.split(sep).join('/');
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length).replace(/\.(protected|public)$/, '');
  return `${stem}.private${extension}`;
}
