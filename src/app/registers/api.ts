// Server functions of this capability; filled in by its issue.
export const registersApi = {};
