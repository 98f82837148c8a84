/**
 * Lets background work go on without anyone awaiting it, but never unobserved: a rejection goes to
 * the console with what the work was (the browser's side of the server's `detach`). Only for work
 * nobody can act on; a user's action shows its failure on screen instead (`useAction`).
 */
export function detach(work: Promise<unknown>, what: string): void {
  work.catch((error: unknown) => console.warn(`${what} failed`, error));
}
