// The French of entities/: its pages, messages and labels.
export const entities = {};
