// The background's words.
export const background = {} as const;
