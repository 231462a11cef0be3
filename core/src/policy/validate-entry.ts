// Placeholder until validateEntry lands (owned by the identity/validation work).
export {};
