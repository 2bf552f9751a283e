import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { MessageValues, Translate } from '@/lib/i18n/translator';

/**
 * A translated sentence with elements in it (a file name in bold, a link, a code to select): each name of `nodes`
 * is left in the message as `{name}` and replaced by its element, wherever the language puts it.
 */
export function richText(
  t: Translate<MessageKey>,
  key: MessageKey,
  values: MessageValues,
  nodes: Readonly<Record<string, ReactNode>>,
): ReactNode[] {
  const marks = Object.fromEntries(Object.keys(nodes).map((name) => [name, `{${name}}`]));
  const text = t(key, { ...values, ...marks });
  return text.split(/(\{\w+\})/).map((part, i) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, always in the same order.
    return <Fragment key={i}>{name !== undefined && name in nodes ? nodes[name] : part}</Fragment>;
  });
}
