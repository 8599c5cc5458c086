// ❌ no-code-after-callback (codeAfterCallbackInLoop): the next recipient's message is created after the callback of
// the previous one, and its callback fails; with no recipients nothing answers (the same mistake, reported once).
// ❌ require-callback (unreachableInUncalledFunction): `finish` is never called.
exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  const recipients = (event.Recipients || '').split(',');

  function finish(results) {
    callback(null, { sent: results.length });
  }

  for (const to of recipients) {
    client.messages.create({ to, from: context.FROM_NUMBER, body: event.Body });
    callback(null, { queued: to });
  }
};
