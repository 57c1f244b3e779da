// The French of users/: its pages, messages and labels.
export const users = {};
