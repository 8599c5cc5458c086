import semver from 'semver';

import type { EsmOnlyPackage } from './esm-only-packages.js';

/**
 * Whether a declared dependency (an exact locked version, or a package.json range) can be an ESM-only version.
 * A range counts as soon as it admits one ESM-only version: `^11.0.0 || ^12.0.0` may install 12.
 * Dist-tags (`latest`, `next`) point at the current, ESM-only majors. Anything else that is not semver
 * (git URLs, `file:`, `workspace:`, `npm:` aliases) is unknown and answers false: no guess, no report.
 */
export function admitsEsmOnlyVersion(declared: string, known: EsmOnlyPackage): boolean {
  const trimmed = declared.trim();
  if (trimmed === 'latest' || trimmed === 'next') return true;
  const range = semver.validRange(trimmed);
  if (range === null) return false;
  return semver.intersects(range, `>=${known.firstEsmOnly}`, { includePrerelease: false });
}
