// ❌ no-code-after-callback (duplicateAfterPerItem): a matching contact answers inside `forEach`, then the
// handler answers again after it.
exports.handler = (context, event, callback) => {
  const contacts = JSON.parse(context.CONTACTS || '[]');
  contacts.forEach((contact) => {
    if (contact.phone === event.From) {
      callback(null, { name: contact.name });
    }
  });
  callback(null, { name: null });
};
