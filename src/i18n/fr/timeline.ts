// The French of timeline/: its pages, messages and labels.
export const timeline = {};
