// What `eslint --fix` makes of send-with-got.js: the ES module is loaded with a dynamic import() inside the
// handler, which works on every Twilio runtime (CommonJS has no top-level await, so it cannot stay at the top).
exports.handler = async function (context, event, callback) {
  const { default: got } = await import('got');
  got(`https://status.example.com/api/v2/components/${encodeURIComponent(event.component)}.json`)
    .json()
    .then((status) => callback(null, status))
    .catch((error) => callback(error));
};
