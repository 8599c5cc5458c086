// ❌ no-code-after-callback (codeAfterCallbackThenDuplicate): without a return after the error, the missing result
// is read and a second callback fails; one missing `return`, one report.
exports.handler = (context, event, callback) => {
  context
    .getTwilioClient()
    .lookups.v2.phoneNumbers(event.From)
    .fetch((error, number) => {
      if (error) {
        callback(error);
      }
      const country = number.countryCode;
      if (country === 'US') {
        callback(null, { domestic: true });
      } else {
        callback(null, { domestic: false, country });
      }
    });
};
