// got 12 and later are ESM-only (twilio-labs/function-templates#419). On node18, and on Node before 20.19/22.12,
// `require('got')` throws ERR_REQUIRE_ESM; where require(esm) exists it returns the module namespace, and
// `got(url)` throws "got is not a function". twilio-functions/no-esm-require reports it, and `eslint --fix`
// rewrites it to `const { default: got } = await import('got');` at the top of the (now async) handler.
const got = require('got');

exports.handler = function (context, event, callback) {
  got(`https://status.example.com/api/v2/components/${encodeURIComponent(event.component)}.json`)
    .json()
    .then((status) => callback(null, status))
    .catch((error) => callback(error));
};
