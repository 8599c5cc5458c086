// ❌ require-callback (missingOnPath, missingAtEnd): the early return and the catch both end without a response.
exports.handler = async (context, event, callback) => {
  if (!event.PhoneNumber) {
    return;
  }
  try {
    const result = await context
      .getTwilioClient()
      .lookups.v2.phoneNumbers(event.PhoneNumber)
      .fetch();
    return callback(null, { valid: result.valid });
  } catch (error) {
    console.error('lookup failed', error);
  }
};
