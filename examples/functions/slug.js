// `slugify` is not in package.json's dependencies: it may be in node_modules on the developer's machine, but a deploy
// installs only `dependencies`, so once deployed this Function fails to load with "Cannot find module 'slugify'".
// twilio-functions/no-undeployed-require reports it and says which command fixes it (`npm install --save slugify`).
const slugify = require('slugify');

exports.handler = function (context, event, callback) {
  callback(null, { slug: slugify(String(event.title || '')) });
};
