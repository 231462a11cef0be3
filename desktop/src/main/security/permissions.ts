// Why: Chromium asks the embedder about every powerful feature (camera, geolocation, clipboard,
// HID, …). Hearth needs only notifications, and only for its own pages; everything else is refused
// without a prompt, so no page can talk a person into granting more.

export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;

export type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

export interface PermissionSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void;
}

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, isAppUrl: (url: string) => boolean): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

export function installPermissionHandlers(session: PermissionSession, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, isAppUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, origin) => isPermissionGranted(permission, origin, isAppUrl));
}
