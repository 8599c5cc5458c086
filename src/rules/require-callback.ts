import { createRule } from '../util/create-rule.js';

// Placeholder while the callback flow engine is written; replaced in the next commit.
export default createRule({
  name: 'require-callback',
  meta: { type: 'problem', docs: { description: 'placeholder' }, schema: [], messages: {} },
  defaultOptions: [],
  create() {
    return {};
  },
});
