export const RELAY_NAME = 'hearth-relay';
