// ❌ require-callback (missingOnPath in a node-style callback): the error path only logs, so the request hangs.
exports.handler = (context, event, callback) => {
  context
    .getTwilioClient()
    .recordings(event.RecordingSid)
    .fetch((error, recording) => {
      if (error) {
        console.error(error);
        return;
      }
      callback(null, { duration: recording.duration });
    });
};
