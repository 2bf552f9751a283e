// The sidebar's words.
export const sidebar = {} as const;
