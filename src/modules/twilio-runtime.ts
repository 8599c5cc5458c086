import semver from 'semver';

import { isRecord } from '../util/json-file.js';

/** The Node runtimes a Twilio Service can be deployed with (`runtime` in `.twilioserverlessrc`). */
export const TWILIO_RUNTIMES = ['node18', 'node20', 'node22', 'node24'] as const;
export type TwilioRuntime = (typeof TWILIO_RUNTIMES)[number];

/** node22 is the default for new Services (Twilio changelog 2025-11-10, still so on 2026-07-08). */
export const DEFAULT_RUNTIME: TwilioRuntime = 'node22';

/** The shared-settings key the plugin reads: `settings['twilio-functions']`. */
export const SETTINGS_KEY = 'twilio-functions';

export function isTwilioRuntime(value: unknown): value is TwilioRuntime {
  return typeof value === 'string' && (TWILIO_RUNTIMES as readonly string[]).includes(value);
}

/**
 * Whether `require()` of an ES module returns its namespace instead of throwing ERR_REQUIRE_ESM.
 * That needs Node ≥ 20.19 or ≥ 22.12. Twilio does not publish the exact minor of a runtime, so node20 is
 * treated as possibly older than 20.19 (the safe side: every ESM require is reported). node22 has been a
 * Twilio runtime only since 2025-11, a year after 22.12, so node22 and node24 are taken to have require(esm).
 */
export function hasRequireEsm(runtime: TwilioRuntime): boolean {
  return runtime === 'node22' || runtime === 'node24';
}

/** The runtime from ESLint's shared settings, or the default when it is absent or not a known name. */
export function runtimeFromSettings(settings: Record<string, unknown> | undefined): TwilioRuntime {
  const ours = settings?.[SETTINGS_KEY];
  if (isRecord(ours) && isTwilioRuntime(ours.runtime)) return ours.runtime;
  return DEFAULT_RUNTIME;
}

/**
 * The oldest Twilio runtime that an `engines.node` range admits: the code must work there.
 * Undefined when the range is not valid semver or admits none of them.
 */
export function runtimeFromEnginesRange(range: string): TwilioRuntime | undefined {
  const valid = semver.validRange(range);
  if (!valid) return undefined;
  return TWILIO_RUNTIMES.find((runtime) => semver.intersects(valid, `${runtime.slice(4)}.x`));
}
