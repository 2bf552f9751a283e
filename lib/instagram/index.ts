/** The only code that knows Instagram's DOM. See README.md beside this file. */
export { findConversation } from './find-conversation';
export { type PageTheme, readPageTheme, watchPageTheme } from './page-theme';
export { resolveTimeLocale } from './locale-time-names';
export { type ParsedInstagramTime, parseInstagramTime } from './parse-instagram-time';
export { parseListAge } from './parse-list-age';
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
