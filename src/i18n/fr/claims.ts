// The French of claims/: its pages, messages and labels.
export const claims = {};
