/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [['recommended', '✅'], ['recommended-type-checked', '☑️']],
  ruleDocSectionInclude: ['When not to use it'],
  ruleDocTitleFormat: 'prefix-name',
};
