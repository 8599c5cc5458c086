// ❌ no-code-after-callback (duplicateInLoop): one callback per forwarding number; only the first one answers, and with
// no number configured nothing answers. One mistake, one report: call back once, after the loop.
exports.handler = (context, event, callback) => {
  const numbers = (context.FORWARD_TO || '').split(',').filter(Boolean);
  for (const number of numbers) callback(null, { forwardTo: number });
};
