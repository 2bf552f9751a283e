// The dashboard's words.
export const dashboard = {} as const;
