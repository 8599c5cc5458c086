// ❌ require-callback (missing): nothing ever calls back, so every request times out after 10 seconds.
exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  client.messages.create({ to: event.To, from: context.FROM_NUMBER, body: 'Ahoy!' });
};
