// The French of http/ and the shared building blocks (validation, database faults): their messages.
export const http = {};
