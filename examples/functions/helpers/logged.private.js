// A wrapper that hands the handler a callback of its own, which logs and then calls the runtime's —
// except for errors, which it only logs.
exports.logged = (handlerFn) => async (context, event, callback) => {
  try {
    return await handlerFn(context, event, (error, result) => {
      console.log('answered', error || result);
      if (error) return;
      callback(null, result);
    });
  } catch (error) {
    return callback(error);
  }
};
