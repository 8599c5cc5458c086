// ❌ no-code-after-callback (linkAfterCatchCallback): when the lookup fails, the `.then` after the `.catch` still
// runs after the error response, and answers a second time.
exports.handler = (context, event, callback) => {
  context
    .getTwilioClient()
    .lookups.v2.phoneNumbers(event.From)
    .fetch({ fields: 'caller_name' })
    .catch((error) => callback(error))
    .then((number) => callback(null, { name: number.callerName }));
};
