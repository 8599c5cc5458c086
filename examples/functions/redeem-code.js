// ❌ no-code-after-callback (perItemOfAtMostOne): the query asks for one record, and nothing answers when no code matches.
const Airtable = require('airtable');

exports.handler = (context, event, callback) => {
  const base = new Airtable({ apiKey: context.AIRTABLE_API_KEY }).base(context.AIRTABLE_BASE_ID);
  base('Codes')
    .select({ maxRecords: 1, filterByFormula: `{Code} = '${event.Code}'` })
    .firstPage((err, records) => {
      if (err) return callback(err);
      records.forEach((record) => callback(null, { prize: record.get('Prize') }));
    });
};
