import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

/** Every rule's `meta.docs` carries these, so eslint-doc-generator and the configs can read them. */
export interface TwilioFunctionsDocs {
  description: string;
  /** Whether `configs.recommended` turns the rule on. */
  recommended?: boolean;
}

const REPO_DOCS = 'https://github.com/twilio-functions-lint/eslint-plugin-twilio-functions/blob/main/docs/rules';

const ruleCreator = ESLintUtils.RuleCreator<TwilioFunctionsDocs>((name) => `${REPO_DOCS}/${name}.md`);

/** Distinct option sets remembered per rule: one per config block that sets the rule's options, about. */
const MAX_REMEMBERED_OPTIONS = 8;

/**
 * typescript-eslint's `RuleCreator`, except for how a rule gets its options with the defaults applied: the same
 * merge (`applyDefault`), done once per distinct set of options instead of on every `create()`. ESLint creates
 * every rule anew for each linted file, and `applyDefault` starts with a `structuredClone` of the defaults: for
 * nine rules that was a measurable part of the plugin's time on a corpus of small files. The merged options are
 * frozen, since every file of a lint now shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, TwilioFunctionsDocs>>,
): TSESLint.RuleModule<MessageIds, Options, TwilioFunctionsDocs> & { name: string } {
  const created = ruleCreator(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const remembered: Array<{ readonly given: readonly unknown[]; readonly merged: Readonly<Options> }> = [];

  // ESLint hands each file's rule a new options array (`ruleConfig.slice(1)`, merged with `meta.defaultOptions`),
  // so an options set is recognised by its value, not by the array's identity.
  function optionsWithDefault(given: readonly unknown[]): Readonly<Options> {
    for (const entry of remembered) if (sameJsonValue(entry.given, given)) return entry.merged;
    // Merged from a copy, so that freezing it never freezes a value of the user's config.
    const merged: Readonly<Options> = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, structuredClone(given) as Options));
    if (remembered.length === MAX_REMEMBERED_OPTIONS) remembered.shift();
    remembered.push({ given: structuredClone(given), merged });
    return merged;
  }

  return { ...created, create: (context) => rule.create(context, optionsWithDefault(context.options)) };
}

/** Structural equality of option values (JSON-like: what ESLint validates against a rule's schema). */
function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameJsonValue(aRecord[key], bRecord[key]));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
