// ❌ no-code-after-callback (duplicateInLoop): one callback per forwarding number; only the first one answers.
// ❌ require-callback (missingAtEnd): with no number configured, the loop never runs and nothing answers.
exports.handler = (context, event, callback) => {
  const numbers = (context.FORWARD_TO || '').split(',').filter(Boolean);
  for (const number of numbers) callback(null, { forwardTo: number });
};
