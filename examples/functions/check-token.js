// ❌ no-code-after-callback (duplicateAfterHelper): `rejectBadToken` answers 401 and returns, and the handler goes
// on to answer again; the second call fails.
function rejectBadToken(context, event, callback) {
  if (event.token !== context.API_TOKEN) {
    const response = new Twilio.Response();
    response.setStatusCode(401);
    callback(null, response);
  }
}

exports.handler = (context, event, callback) => {
  rejectBadToken(context, event, callback);
  callback(null, { ok: true });
};
