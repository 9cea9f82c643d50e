/**
 * One request of an access log, as counting scans needs it. Parsers keep only these fields of a
 * line, so nothing else a log holds (referrers, cookies, sizes) goes any further.
 */
export interface LogRecord {
  /** The client's address, only ever hashed (see count-scans.ts). */
  address: string;
  /** The request's day as the log writes it (the server's local day for nginx and Apache, UTC for CloudFront): `2026-09-28`. */
  day: string;
  method: string;
  /** The path as requested, query included. */
  path: string;
  status: number;
  /** Only ever hashed and asked whether it is a bot. */
  userAgent: string;
}

/** A problem with a log file or the command's arguments, written for the person running the command (no stack trace). */
export class ScansError extends Error {}
