// The strings of attachments (until they move into i18n/ with the rest of the containers' strings).
export const fileText = {
  attach: 'Attach files',
  dropHint: 'or drop files here',
  remove: (name: string) => `Remove ${name}`,
  chosen: 'Files to attach',
  list: 'Attached files',
  open: (name: string) => `Open ${name}`,
  download: (name: string) => `Download ${name}`,
  close: 'Close',
  viewer: (name: string) => `Picture: ${name}`,
  notHere: 'Not on this device yet; it shows when you are online.',
  uploading: (name: string) => `Uploading ${name}`,
  waiting: 'Waits to upload until you are online',
  refused: (reason: string) => `The relay refused this file: ${reason}`,
  size: (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`),
};
