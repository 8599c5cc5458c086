import rule from '../../src/rules/no-code-after-callback.js';
import { runWithBothParsers } from '../rule-testers.js';

runWithBothParsers('no-code-after-callback with twilio-node and Airtable iterators', rule, {
  valid: [
    // Items only collected; the completion answers once.
    `exports.handler = (context, event, callback) => {
  const sids = [];
  context.getTwilioClient().calls.each({ done: () => callback(null, sids) }, (call) => {
    sids.push(call.sid);
  });
};`,
  ],
  invalid: [
    {
      // Every conference answers: twilio-node's \`each\` runs its function once per item.
      code: `exports.handler = (context, event, callback) => {
  context.getTwilioClient().conferences.each({ friendlyName: event.Name }, (conference) => {
    conference.update({ status: 'completed' }).then(() => callback(null, 'ended'));
  });
};`,
      errors: [{ messageId: 'perItem', line: 3, column: 59, endLine: 3, endColumn: 82, data: { name: 'callback', method: 'each' } }],
    },
  ],
});
