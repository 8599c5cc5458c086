// ✅ A wrapper, a guard helper that answers by itself, and a Twilio.Response.
const { isAuthorized } = require(Runtime.getFunctions()['auth'].path);

exports.handler = async (context, event, callback) => {
  if (!isAuthorized(context, event, callback)) return;

  const response = new Twilio.Response();
  response.appendHeader('Content-Type', 'application/json');
  try {
    const sync = Runtime.getSync();
    const doc = await sync.documents(event.DocumentSid).fetch();
    response.setBody(doc.data);
    return callback(null, response);
  } catch (error) {
    response.setStatusCode(404);
    response.setBody({ error: error.message });
    return callback(null, response);
  }
};
