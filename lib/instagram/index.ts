/** The only code that knows Instagram's DOM. See README.md beside this file. */
export { findConversation } from './find-conversation';
export { type PageTheme, readPageTheme, watchPageTheme } from './page-theme';
export { type ParsedInstagramTime, parseInstagramTime } from './parse-instagram-time';
export { readThread } from './read-thread';
export type {
  MessageDirection,
  MessageKind,
  PageKind,
  ReadMessage,
  ThreadChangeInfo,
  ThreadSnapshot,
} from './thread-types';
export { pageKindFromUrl, threadIdFromUrl } from './thread-url';
export { type ThreadChangeHandler, type WatchThreadOptions, watchThread } from './thread-watcher';
