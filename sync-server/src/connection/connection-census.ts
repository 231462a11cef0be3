// Who holds how many sockets: per remote address (counted at the HTTP upgrade, before any token is
// read) and per person (counted once the token is verified), over both WebSocket paths (rooms and
// /automerge). Why: an idle socket costs the relay memory and a share of every broadcast; one
// person opened 3,000 of them. Also where a person's sockets are found to close them all (token
// revocation) or to add up their unsent output (slow readers).
import type { ConnectionLimits } from './limits.js';

/** One admitted socket of a person, as the census sees it. */
export interface CensusSocket {
  /** Unsent output of this socket, in bytes (ws.bufferedAmount). */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

/** A census entry for a ws socket: its unsent output, and how its path closes it (with a notice, …). */
export function censusSocket(ws: { readonly bufferedAmount: number }, close: (code: number, reason: string) => void): CensusSocket {
  return {
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    close,
  };
}

type CensusLimits = Pick<ConnectionLimits, 'maxConnectionsPerPerson' | 'maxConnectionsPerAddress'>;

export class ConnectionCensus {
  private readonly byAddress = new Map<string, number>();
  private readonly byPerson = new Map<string, Set<CensusSocket>>();

  constructor(private readonly limits: CensusLimits) {}

  /** At the upgrade: false when `address` holds its maximum already. Pair with `releaseAddress`. */
  admitAddress(address: string): boolean {
    const n = this.byAddress.get(address) ?? 0;
    if (this.limits.maxConnectionsPerAddress > 0 && n >= this.limits.maxConnectionsPerAddress) return false;
    this.byAddress.set(address, n + 1);
    return true;
  }

  releaseAddress(address: string): void {
    const n = (this.byAddress.get(address) ?? 0) - 1;
    if (n > 0) this.byAddress.set(address, n);
    else this.byAddress.delete(address);
  }

  /** After authentication: false when the person holds their maximum already. Pair with `release`. */
  admit(person: string, socket: CensusSocket): boolean {
    let sockets = this.byPerson.get(person);
    if (sockets === undefined) {
      sockets = new Set();
      this.byPerson.set(person, sockets);
    }
    if (this.limits.maxConnectionsPerPerson > 0 && sockets.size >= this.limits.maxConnectionsPerPerson) return false;
    sockets.add(socket);
    return true;
  }

  release(person: string, socket: CensusSocket): void {
    const sockets = this.byPerson.get(person);
    if (sockets === undefined) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.byPerson.delete(person);
  }

  socketsOf(person: string): CensusSocket[] {
    return [...(this.byPerson.get(person) ?? [])];
  }

  /** Unsent output of all the person's sockets together. */
  bufferedBytesOf(person: string): number {
    let total = 0;
    for (const s of this.byPerson.get(person) ?? []) total += s.bufferedAmount;
    return total;
  }
}
