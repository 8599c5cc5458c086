// ❌ require-catch-callback: the last `.then()` runs after the `.catch()`, so when it throws (an order without a
// status) nobody catches it; and the call lookup answers without reading its error.
exports.handler = function (context, event, callback) {
  if (event.CallSid) {
    context
      .getTwilioClient()
      .calls(event.CallSid)
      .fetch((error, call) => callback(null, { status: call.status }));
    return;
  }
  fetch(`${context.ORDERS_URL}/${encodeURIComponent(event.OrderId)}`)
    .then((response) => response.json())
    .catch(() => ({ status: 'unknown' }))
    .then((order) => callback(null, { status: order.status.toUpperCase() }));
};
