// ❌ no-code-after-callback (codeAfterCallbackInFinally): `finally` runs after the returned callback, so the
// update it starts is cut off when the invocation ends.
exports.handler = async (context, event, callback) => {
  const documents = Runtime.getSync().documents;
  try {
    const stats = await documents('stats').fetch();
    return callback(null, stats.data);
  } catch (error) {
    return callback(error);
  } finally {
    await documents('stats').update({ data: { lastReadAt: Date.now() } });
  }
};
