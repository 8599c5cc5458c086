// ❌ require-catch-callback: no `.catch` in the first chain, a `.catch` that only logs in the second, and an async
// IIFE whose rejection nobody catches in the third.
exports.handler = function (context, event, callback) {
  const client = context.getTwilioClient();
  const queues = client.taskrouter.v1.workspaces(context.WORKSPACE_SID).taskQueues;
  if (event.QueueSid) {
    queues(event.QueueSid)
      .fetch()
      .then((queue) => callback(null, { name: queue.friendlyName }));
  } else if (event.Statistics) {
    queues(event.Statistics)
      .cumulativeStatistics()
      .fetch()
      .then((statistics) => callback(null, statistics.tasksCompleted))
      .catch((error) => console.error(error));
  } else {
    (async () => {
      const list = await queues.list({ limit: 20 });
      callback(null, list.map((queue) => queue.sid));
    })();
  }
};
