// ❌ no-floating-promises: the alert and the per-member messages are still pending when the callback ends the
// invocation, and Twilio terminates them: nobody is notified.
exports.handler = async function (context, event, callback) {
  const client = context.getTwilioClient();
  client.messages.create({ to: context.ON_CALL_NUMBER, from: context.FROM_NUMBER, body: `Alert: ${event.Body}` });
  event.members.forEach(async (member) => {
    await client.messages.create({ to: member, from: context.FROM_NUMBER, body: event.Body });
  });
  return callback(null, { notified: event.members.length + 1 });
};
