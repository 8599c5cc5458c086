/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [['recommended', '✅']],
  ruleDocSectionInclude: ['When not to use it'],
  ruleDocTitleFormat: 'prefix-name',
};
