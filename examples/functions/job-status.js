// ❌ require-callback (pageFailureUnanswered): the page function answers and never fetches another page, so when
// the Airtable query fails Airtable runs only `done`, which logs and returns: the request times out.
const Airtable = require('airtable');

exports.handler = function (context, event, callback) {
  const base = new Airtable({ apiKey: context.AIRTABLE_API_KEY }).base(context.AIRTABLE_BASE_ID);
  base('Jobs')
    .select({ filterByFormula: `{Phone} = '${event.From}'`, maxRecords: 1 })
    .eachPage(
      function page(records) {
        const [job] = records;
        callback(null, { status: job ? job.get('Status') : 'unknown' });
      },
      function done(err) {
        if (err) {
          console.error(err);
          return;
        }
      },
    );
};
