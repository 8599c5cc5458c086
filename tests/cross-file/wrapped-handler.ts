/**
 * The handler both wrapper test files wrap: an `await` that can reject on line 3 of it and a `throw` on line 4, so
 * each test can tell whether the wrapper catches the handler's rejection.
 */
export const HANDLER = [
  'async (context, event, callback) => {',
  '  const client = context.getTwilioClient();',
  '  const call = await client.calls(event.callSid).fetch();',
  "  if (!call) throw new Error('no such call');",
  '  return callback(null, call.status);',
  '}',
].join('\n');
