export const APP_NAME = "Hearth";
