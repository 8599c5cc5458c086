// ❌ no-code-after-callback: the guard answers 400-style but does not return, so the message is still created
// after the response, and the second callback fails.
exports.handler = (context, event, callback) => {
  if (!event.To) {
    callback('"To" is required');
  }
  const client = context.getTwilioClient();
  client.messages
    .create({ to: event.To, from: context.FROM_NUMBER, body: event.Body || 'Ahoy!' })
    .then((message) => callback(null, { sid: message.sid }))
    .catch((error) => callback(error));
};
