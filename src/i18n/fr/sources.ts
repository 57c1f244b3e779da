// The French of sources/: its pages, messages and labels.
export const sources = {};
