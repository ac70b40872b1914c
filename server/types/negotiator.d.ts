// negotiator 1.x ships no types, and DefinitelyTyped's @types/negotiator describes 0.6, without the `preferred`
// option that 1.0 added to encodings(): what the server uses of it, as its README documents it.
declare module 'negotiator' {
  import type { IncomingMessage } from 'node:http';

  export default class Negotiator {
    constructor(request: Pick<IncomingMessage, 'headers'>);
    /** The encodings of `available` the request accepts, best first; among equal weights, `preferred` orders them. */
    encodings(available?: string[], options?: { preferred?: string[] }): string[];
  }
}
