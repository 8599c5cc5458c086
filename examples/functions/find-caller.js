// ❌ require-callback (missingAfterIteration): only a matching contact answers; with none, nothing does.
exports.handler = (context, event, callback) => {
  const contacts = JSON.parse(context.CONTACTS || '[]');
  contacts.forEach((contact) => {
    if (contact.phone === event.From) callback(null, { name: contact.name });
  });
};
