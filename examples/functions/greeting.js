// ❌ require-callback (rejectedByUndeclaredName): `GREETING` is declared nowhere (it is `context.GREETING`): the
// ReferenceError rejects the async handler, and the request times out instead of answering.
exports.handler = async (context, event, callback) => {
  const twiml = new Twilio.twiml.VoiceResponse();
  twiml.say(GREETING);
  callback(null, twiml);
};
