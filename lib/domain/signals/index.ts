// Conversation signals and guardrails (no UI, no browser API, no zod): one detector per file, run together by
// `detectSignals`. The content script imports from here.
export * from './booking-confirmation';
export * from './booking-link';
export * from './buying-signal';
export * from './call-time';
export * from './detect-signals';
export * from './engaged-reply';
export * from './escalation';
export * from './escalation-triggers';
export * from './link-silence';
export * from './message-key';
export * from './signal-types';
export * from './source-capture';
export * from './status-mismatch';
