// ❌ require-catch-callback (catchThrows): the `.catch()` passes `error`, but its parameter is `err`: it throws a
// ReferenceError instead of answering, so a failed send runs into the 10-second limit.
exports.handler = (context, event, callback) => {
  context
    .getTwilioClient()
    .messages.create({ to: context.OWNER_NUMBER, from: event.To, body: `New order from ${event.From}` })
    .then((message) => callback(null, { sid: message.sid }))
    .catch((err) => callback(error));
};
