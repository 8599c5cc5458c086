// ❌ no-floating-promises: the alert, the per-member messages and the call are still pending when the callback
// ends the invocation, and Twilio terminates them: nobody is notified.
exports.handler = async function (context, event, callback) {
  const client = context.getTwilioClient();
  client.messages.create({ to: context.ON_CALL_NUMBER, from: context.FROM_NUMBER, body: `Alert: ${event.Body}` });
  event.members.forEach(async (member) => {
    await client.messages.create({ to: member, from: context.FROM_NUMBER, body: event.Body });
  });
  client.calls.create({ to: context.ON_CALL_NUMBER, from: context.FROM_NUMBER, url: context.ALERT_TWIML_URL }, (error) => {
    if (error) console.error('the alert call failed', error);
  });
  return callback(null, { notified: event.members.length + 1 });
};
