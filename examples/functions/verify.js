// ❌ require-callback (rejectedOnPath): a throw rejects the async handler, which Twilio never turns into a
// response in production: the request times out instead of answering 500.
exports.handler = async (context, event, callback) => {
  if (!context.VERIFY_SERVICE_SID) {
    throw new Error('VERIFY_SERVICE_SID is not configured');
  }
  try {
    const verification = await context
      .getTwilioClient()
      .verify.v2.services(context.VERIFY_SERVICE_SID)
      .verifications.create({ to: event.To, channel: 'sms' });
    return callback(null, { status: verification.status });
  } catch (error) {
    return callback(error);
  }
};
