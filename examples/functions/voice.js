// ✅ TwiML response: synchronous, one callback, returned.
exports.handler = (context, event, callback) => {
  const twiml = new Twilio.twiml.VoiceResponse();
  if (event.Digits === '1') {
    twiml.say('Connecting you now.');
    twiml.dial(context.AGENT_NUMBER);
  } else {
    twiml.gather({ numDigits: 1 }).say('Press 1 to talk to an agent.');
  }
  return callback(null, twiml);
};
