// ❌ no-code-after-callback (duplicateInLoop): one callback per recipient; only the first one answers.
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
