/**
 * An error the agent cannot recover from by retrying (wrong CA checksum, rejected token,
 * revoked credential without a token). main prints its message to stderr and exits 1.
 */
export class FatalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FatalError";
  }
}
