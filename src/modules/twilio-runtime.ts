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

/**
 * Runtimes older than node18 that `.twilioserverlessrc` files still name. Twilio no longer deploys them (node18
 * deploys fail since 2025-11-10; node14 and node16 were retired before it). Their Node has no require(esm), as
 * node18 has none, so the rules judge them as node18, and the messages say so.
 */
export const RETIRED_RUNTIMES = ['node14', 'node16'] as const;
export type RetiredRuntime = (typeof RETIRED_RUNTIMES)[number];

export function isRetiredRuntime(value: unknown): value is RetiredRuntime {
  return typeof value === 'string' && (RETIRED_RUNTIMES as readonly string[]).includes(value);
}

/** The runtime the rules judge a declared runtime as: itself, or node18 for a retired one. */
export function judgedRuntime(value: unknown): TwilioRuntime | undefined {
  if (isTwilioRuntime(value)) return value;
  return isRetiredRuntime(value) ? 'node18' : undefined;
}

/**
 * The runtime from ESLint's shared settings, or the default when it is absent or not a known name. Settings name
 * the runtime to judge; readProjectSettings has already mapped a retired one from `.twilioserverlessrc`.
 */
export function runtimeFromSettings(settings: Record<string, unknown> | undefined): TwilioRuntime {
  const ours = settings?.[SETTINGS_KEY];
  if (isRecord(ours) && isTwilioRuntime(ours.runtime)) return ours.runtime;
  return DEFAULT_RUNTIME;
}

/**
 * The runtime as a message names it: `node22`, or, when `.twilioserverlessrc` named a retired runtime
 * (readProjectSettings keeps it as `declaredRuntime`), what that means on Twilio.
 */
export function runtimeLabel(settings: Record<string, unknown> | undefined): string {
  const ours = settings?.[SETTINGS_KEY];
  const runtime = runtimeFromSettings(settings);
  if (!isRecord(ours)) return runtime;
  const declared = isRetiredRuntime(ours.declaredRuntime) ? ours.declaredRuntime : undefined;
  return declared ? `${declared} (judged as ${runtime}: like it, ${declared} has no require(esm); Twilio no longer deploys ${declared}, so deploy with node22 or node24)` : runtime;
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
