// ❌ require-callback (delegateNeverCalls): the handler hands its callback to `sendReceipt`, which never calls it.
exports.handler = async (context, event, callback) => {
  try {
    return await sendReceipt(context, event, callback);
  } catch (error) {
    return callback(error);
  }
};

async function sendReceipt(context, event, callback) {
  const client = context.getTwilioClient();
  await client.messages.create({ to: event.From, from: context.FROM_NUMBER, body: 'Payment received.' });
}
