// ❌ no-code-after-callback (linkAfterCallback): the log message is created after the response and cut off.
exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.messages
    .create({ to: context.FORWARD_TO, from: event.To, body: event.Body })
    .then((message) => callback(null, { sid: message.sid }))
    .then(() => client.messages.create({ to: context.LOG_NUMBER, from: event.To, body: 'forwarded' }))
    .catch((error) => callback(error));
};
