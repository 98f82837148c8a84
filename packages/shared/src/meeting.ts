import { z } from 'zod';

/** A site waiting for the floor, in the order the chair sees. */
export const floorRequestSchema = z.object({
  siteId: z.string(),
  /** Epoch milliseconds when the site pressed "request to speak". */
  requestedAt: z.number(),
});

/** Who speaks and who waits: the part of a meeting's state every screen shows. */
export const floorStateSchema = z.object({
  queue: z.array(floorRequestSchema),
  holder: z.object({ siteId: z.string(), since: z.number() }).nullable(),
  /** A site the chair put on the programme video without giving it the floor. */
  spotlight: z.string().nullable(),
  /** Bumped by "mute all": every site microphone outside the floor is silenced again. */
  muteAllAt: z.number().nullable(),
});
export type FloorRequest = z.infer<typeof floorRequestSchema>;
export type FloorState = z.infer<typeof floorStateSchema>;
