// require-callback (rejectedByAssert): when the check fails, `assert()` throws, the async handler rejects, and
// Twilio answers nothing: the request times out instead of telling the caller what is missing.
const assert = require('assert');

exports.handler = async function (context, event, callback) {
  assert(event.PhoneNumber, 'PhoneNumber is required');
  const client = context.getTwilioClient();
  try {
    const number = await client.lookups.v2.phoneNumbers(event.PhoneNumber).fetch();
    return callback(null, { valid: number.valid });
  } catch (error) {
    return callback(error);
  }
};
