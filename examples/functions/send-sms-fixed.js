// ✅ The same Function, correct: return after the early callback, and call back on success and on failure.
exports.handler = (context, event, callback) => {
  if (!event.To) {
    return callback('"To" is required');
  }
  const client = context.getTwilioClient();
  client.messages
    .create({ to: event.To, from: context.FROM_NUMBER, body: event.Body || 'Ahoy!' })
    .then((message) => callback(null, { sid: message.sid }))
    .catch((error) => callback(error));
};
