/**
 * A language's translation of one part of the English catalog: every key of it, and no other. A key missing from a
 * language, or one the English catalog no longer has, does not compile.
 */
export type Translation<English> = { readonly [K in keyof English]: string };

/** English labels keyed by a prefix and each code: `prefixed('stage', STAGE_LABELS)` gives `stage.new_dm`… */
export function prefixed<P extends string, K extends string>(prefix: P, labels: Readonly<Record<K, string>>) {
  return Object.fromEntries(Object.entries(labels).map(([code, label]) => [`${prefix}.${code}`, label])) as Record<
    `${P}.${K}`,
    string
  >;
}
