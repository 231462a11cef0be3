// Close codes the relay uses. Why 44xx: the stock y-websocket provider stops reconnecting on
// 4400–4499 (a deliberate decision of the server that retrying cannot fix), and retries on anything
// else. 1012 (service restart), 1011 (internal error) and 1013 (try again later) are transient, so
// clients come back.
export const CloseCode = {
  /** Malformed message: not y-protocols, or an update that does not decode or apply. */
  malformed: 4400,
  /** Token missing, malformed, expired, wrongly signed. */
  unauthenticated: 4401,
  /** Person not in the directory / not active, or may not read this room. */
  forbidden: 4403,
  /** Unknown room: bad name, or a space or conversation that does not exist. */
  notFound: 4404,
  /** A message over the size limit. */
  tooLarge: 4413,
  /**
   * An update whose cost is out of bounds: too many structs, delete ranges or concurrent inserts at
   * one position (docs/operations.md, "Per-person limits"). Nothing of it was applied or stored.
   */
  tooComplex: 4422,
  /** Too many messages: the per-connection rate limit. */
  rateLimited: 4429,
  /** The relay failed to store; the client reconnects and resyncs. */
  internalError: 1011,
  /**
   * The relay could not store the update (disk full, I/O error). Nothing of it was kept, sent or
   * acknowledged; the client still holds it and resends it when it reconnects.
   */
  tryAgainLater: 1013,
  /** The relay is shutting down or restarting. */
  restart: 1012,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
