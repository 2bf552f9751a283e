// Answers the probe's ping at once: the least work a reply from an extension's background can take.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message === 'switch-floor-ping') sendResponse('pong');
});
