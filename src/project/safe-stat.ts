import { type Stats, statSync } from 'node:fs';

/** `fs.statSync`, or undefined for a missing, unreadable or oddly named path (ENOENT, ENOTDIR, EACCES, ELOOP…). */
export function safeStat(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
