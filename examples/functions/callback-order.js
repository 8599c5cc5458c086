// The error comes first: a TwiML document passed first is answered with HTTP 500.
exports.handler = function (context, event, callback) {
  const twiml = new Twilio.twiml.MessagingResponse();
  if (!event.Body) {
    twiml.message('Send us a question and we will answer.');
    return callback(twiml);
  }
  if (event.Body.length > 1600) {
    // Passed first, the response is answered with HTTP 500; passed second, it would answer 200: it needs a status.
    const response = new Twilio.Response();
    response.setBody({ error: 'The message is too long.' });
    return callback(response);
  }
  context
    .getTwilioClient()
    .messages.create({ to: context.ADMIN_NUMBER, from: event.To, body: event.Body })
    .then(callback)
    .catch(callback);
};
