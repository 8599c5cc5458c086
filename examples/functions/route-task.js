// ❌ require-callback (missingAfterDecision): a TaskRouter event about anything but a task gets no response.
exports.handler = (context, event, callback) => {
  if (event.ResourceType == 'task') {
    console.log(`task ${event.TaskSid}: ${event.EventType}`);
    callback(null, {});
  }
};
