// A helper that answers an SMS with a text, loaded by echo.js through Runtime.getFunctions().
exports.reply = (callback, text) => {
  if (!text) {
    return; // nothing answers here, and echo.js leaves the answer to this helper
  }
  const twiml = new Twilio.twiml.MessagingResponse();
  twiml.message(text);
  callback(null, twiml);
};
