// The French of dashboard/: its pages, messages and labels.
export const dashboard = {};
