// A private Function: not reachable by URL, loaded by other Functions through Runtime.getFunctions().
exports.formatGreeting = (greeting, name) => `${greeting}, ${name}!`;
