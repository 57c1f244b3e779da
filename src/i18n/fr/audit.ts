// The French of audit/: its pages, messages and labels.
export const audit = {};
