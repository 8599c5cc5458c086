// ✅ notify-team.js, correct: every message is awaited before the callback, and a failure answers with the error.
exports.handler = async function (context, event, callback) {
  const client = context.getTwilioClient();
  try {
    await Promise.all([
      client.messages.create({ to: context.ON_CALL_NUMBER, from: context.FROM_NUMBER, body: `Alert: ${event.Body}` }),
      ...event.members.map((member) => client.messages.create({ to: member, from: context.FROM_NUMBER, body: event.Body })),
      client.calls.create({ to: context.ON_CALL_NUMBER, from: context.FROM_NUMBER, url: context.ALERT_TWIML_URL }),
    ]);
    return callback(null, { notified: event.members.length + 1 });
  } catch (error) {
    return callback(error);
  }
};
