// ❌ no-code-after-callback (duplicateThroughFunction): `reply` always calls back, so after STOP the second reply
// fails (and the first one is all the sender gets).
exports.handler = (context, event, callback) => {
  const reply = (message) => {
    const twiml = new Twilio.twiml.MessagingResponse();
    twiml.message(message);
    callback(null, twiml);
  };
  if (event.Body === 'STOP') {
    reply('You are unsubscribed.');
  }
  reply('Thanks for your message!');
};
