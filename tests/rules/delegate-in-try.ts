/**
 * An async handler that hands its callback to `route()` from inside a `try` whose `catch` answers: `returned` is
 * how it does (`return route(…)`, `return await route(…)`), `body` is `route()`'s body (its first line is line 9).
 */
export function delegateInTry(returned: string, body: string): string {
  return `exports.handler = async function (context, event, callback) {
  try {
    ${returned}(context, event, callback);
  } catch (error) {
    return callback(error);
  }
};
async function route(context, event, callback) {
${body}
}`;
}
