// ❌ no-code-after-callback (perItem): the `return` only leaves the arrow function, so every flow answers once.
exports.handler = (context, event, callback) => {
  context
    .getTwilioClient()
    .studio.v2.flows.list()
    .then((flows) =>
      flows.forEach((flow) => {
        if (flow.friendlyName === event.FlowName) {
          callback(null, { sid: flow.sid });
          return;
        }
        callback(null, { sid: null });
      }),
    )
    .catch((error) => callback(error));
};
