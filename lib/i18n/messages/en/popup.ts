// The popup's words.
export const popup = {} as const;
