// ✅ A private helper loaded with Runtime.getFunctions(): it answers 401 itself and tells the caller to stop.
exports.isAuthorized = (context, event, callback) => {
  if (event.token === context.API_TOKEN) return true;
  const response = new Twilio.Response();
  response.setStatusCode(401);
  callback(null, response);
  return false;
};
