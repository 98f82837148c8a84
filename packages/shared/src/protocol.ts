import { z } from 'zod';
import { apiErrorSchema, type ApiError } from './errors.js';
import { clientQualityReportSchema, rollCallSchema, rollCallSeconds, siteAlertSchema, siteQualitySchema } from './attendance.js';
import { agendaPositionSchema } from './directives.js';
import {
  consumerPurposeSchema,
  floorStateSchema,
  meetingSummarySchema,
  programmeSchema,
  siteStatusSchema,
} from './meeting.js';
import {
  consumerOptionsSchema,
  dtlsParametersSchema,
  mediaKindSchema,
  rtpCapabilitiesSchema,
  rtpParametersSchema,
  trackSourceSchema,
  transportOptionsSchema,
} from './media.js';
import { meetingMessageSchema, messageAudienceSchema, messageTextSchema } from './messages.js';
import { recordingControlSchema, recordingStatusSchema } from './recording.js';
import { scheduleChangeSchema } from './schedule.js';

/**
 * The socket.io protocol, defined once. Every client request is an event with a payload and an
 * acknowledgement; both are described here with zod, validated by the server on arrival and by
 * the client on the way back. Names are `<feature>:<verb>`.
 */
function request<Req extends z.ZodType, Res extends z.ZodType>(req: Req, res: Res) {
  return { req, res };
}

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const routerCapabilitiesSchema = z.object({ rtpCapabilities: z.looseObject({}) });

export const requests = {
  'media:createTransport': request(
    z.object({ direction: z.enum(['send', 'recv']) }).strict(),
    transportOptionsSchema,
  ),
  'media:connectTransport': request(
    z.object({ transportId: id, dtlsParameters: dtlsParametersSchema }).strict(),
    empty,
  ),
  'media:restartIce': request(
    z.object({ transportId: id }).strict(),
    z.object({ iceParameters: z.looseObject({}) }),
  ),
  'media:produce': request(
    z
      .object({
        transportId: id,
        kind: mediaKindSchema,
        rtpParameters: rtpParametersSchema,
        /** What the track is, so the SFU can route it (camera or screen share). */
        source: trackSourceSchema,
      })
      .strict(),
    z.object({ producerId: z.string() }),
  ),
  'media:closeProducer': request(z.object({ producerId: id }).strict(), empty),
  /** Consumers are created paused; the client resumes once its side is ready. */
  'media:resumeConsumer': request(z.object({ consumerId: id }).strict(), empty),
  /**
   * Technical check (kiểm tra kỹ thuật): the SFU sends the caller's own producer back to it, so a
   * meeting room proves camera, microphone and the network path to the SFU before a meeting.
   * `check:start` places the caller on a check router and returns that router's capabilities,
   * which the client loads into its mediasoup Device.
   */
  'check:start': request(empty, routerCapabilitiesSchema),
  'check:loopback': request(
    z.object({ producerId: id, rtpCapabilities: rtpCapabilitiesSchema }).strict(),
    consumerOptionsSchema,
  ),

  /**
   * Joining a live meeting: the caller's account decides its part (chair, site, operator) and the
   * server checks it is invited. The answer carries the router's capabilities for the Device.
   */
  'meeting:join': request(
    z.object({ meetingId: id }).strict(),
    z.object({ rtpCapabilities: z.looseObject({}), summary: meetingSummarySchema }),
  ),
  /** The client's Device is loaded and its receive transport exists: the programme may flow. */
  'meeting:ready': request(z.object({ rtpCapabilities: rtpCapabilitiesSchema }).strict(), empty),
  'meeting:leave': request(empty, empty),
  /**
   * The chair or an operator ends the meeting for everyone (their screens confirm first): the
   * recording stops, the real end is stored, and every room is told and goes back to its home
   * screen. A chair who merely closes the page leaves; the meeting goes on.
   */
  'meeting:end': request(empty, empty),

  'floor:request': request(empty, z.object({ position: z.number().int().positive() })),
  'floor:cancel': request(empty, empty),
  'floor:grant': request(z.object({ siteId: id }).strict(), empty),
  /** A waiting site goes to the front of the queue. */
  'floor:front': request(z.object({ siteId: id }).strict(), empty),
  'floor:revoke': request(empty, empty),
  'floor:next': request(empty, z.object({ siteId: z.string().nullable() })),
  'floor:muteAll': request(empty, empty),
  /**
   * The chair or an operator closes one room's microphone, as "mute all" does for every room: the
   * room loses the floor (its voice leaves the programme) and is told who did it; to speak again
   * it asks for the floor. Refused (CONFLICT) when the room's microphone is not open.
   */
  'floor:mute': request(z.object({ siteId: id }).strict(), empty),
  'floor:spotlight': request(z.object({ siteId: id.nullable() }).strict(), empty),
  /**
   * The chair or an operator names the agenda item under discussion (its position, 1-based; null:
   * none), which every room shows.
   */
  'meeting:agendaItem': request(z.object({ position: agendaPositionSchema.nullable() }).strict(), empty),
  /**
   * The chair invites a site to present its screen without giving it the floor (null withdraws
   * the invitation). The floor holder may present anyway; a site shares with `media:produce`,
   * source `screen`.
   */
  'floor:invitePresenter': request(z.object({ siteId: id.nullable() }).strict(), empty),

  /**
   * The chair or an operator calls an invited room that is not in the meeting (it left, or
   * dropped) back into it: the room's screens outside the meeting are told (`meeting:callBack`)
   * and the call, with this text, is kept in the meeting's message log. CONFLICT if it is in.
   */
  'meeting:callBack': request(z.object({ siteId: id, text: messageTextSchema }).strict(), meetingMessageSchema),

  /**
   * The operator's site wall shows these sites (the tiles on screen): their lowest simulcast layer
   * is consumed, every other wall consumer is closed.
   */
  'wall:watch': request(z.object({ siteIds: z.array(id).max(64) }).strict(), empty),

  /** The operator or chair asks every site to confirm its presence within the given time. */
  'rollcall:start': request(
    z.object({ durationSeconds: z.number().int().min(rollCallSeconds.min).max(rollCallSeconds.max) }).strict(),
    rollCallSchema,
  ),
  'rollcall:confirm': request(z.object({ rollCallId: id }).strict(), rollCallSchema),
  /** Officials in the room: a site sets its own; the chair or operator may correct any site's. */
  'attendance:headcount': request(
    z.object({ headcount: z.number().int().min(0).max(1000), siteId: id.optional() }).strict(),
    empty,
  ),
  /** A kiosk's own view of its connection, from getStats, every few seconds. */
  'quality:report': request(clientQualityReportSchema, empty),

  /**
   * A short text message: staff to a room, a district's rooms or all; a room to the staff. Kept in
   * the meeting's log; a few per socket in a while (a stuck key does not flood the screens).
   */
  'message:send': request(z.object({ to: messageAudienceSchema, text: messageTextSchema }).strict(), meetingMessageSchema),

  /** The chair or an operator records the programme (it need not be joined: the meeting is named). */
  'recording:start': request(recordingControlSchema, recordingStatusSchema),
  'recording:pause': request(recordingControlSchema, recordingStatusSchema),
  'recording:stop': request(recordingControlSchema, recordingStatusSchema),
} as const;

export type RequestName = keyof typeof requests;
export type RequestPayload<N extends RequestName> = z.input<(typeof requests)[N]['req']>;
export type ParsedRequest<N extends RequestName> = z.output<(typeof requests)[N]['req']>;
export type ResponseData<N extends RequestName> = z.output<(typeof requests)[N]['res']>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export const ackErrorSchema = z.object({ ok: z.literal(false), error: apiErrorSchema });

/** Events the server pushes without being asked. */
export const serverEvents = {
  /** The SFU closed one of the client's consumers (its producer went away). */
  'media:consumerClosed': z.object({ consumerId: z.string() }),
  /**
   * The media worker that served this client is gone (it crashed and was replaced): the client
   * must rebuild its transports; it keeps its signalling connection.
   */
  'media:reconnectRequired': z.object({ reason: z.string() }),
  /** The server created a consumer for the client (paused); the client builds it and resumes it. */
  'media:newConsumer': consumerOptionsSchema.extend({
    purpose: consumerPurposeSchema,
    /** The site whose media this is; null for the chair. */
    siteId: z.string().nullable(),
  }),
  'meeting:floor': floorStateSchema,
  'meeting:programme': programmeSchema,
  /** One site's status changed (chair and operator only). */
  'meeting:siteStatus': siteStatusSchema,
  /** The site whose microphone is loudest now; null when nobody in the programme speaks. */
  'meeting:activeSpeaker': z.object({ siteId: z.string().nullable() }),
  /** The chair or an operator ended the meeting: the screens leave it and go home. */
  'meeting:ended': z.object({ meetingId: z.string() }),
  /**
   * Sent to a room's screens wherever they are (its home screen, its technical check): the staff
   * call it back into a meeting it is not in. The kiosk shows it large with the way in.
   */
  'meeting:callBack': z.object({ meetingId: z.string(), title: z.string(), message: meetingMessageSchema }),
  /** The agenda item under discussion changed (null: none). */
  'meeting:agendaItem': z.object({ position: agendaPositionSchema.nullable() }),
  /**
   * The server closed this room's screen share: the room no longer holds the floor nor an
   * invitation to present. The client stops sharing.
   */
  'presentation:ended': z.object({ producerId: z.string() }),
  /** A scheduled meeting the client is invited to (or, for staff, any) was created, edited or cancelled. */
  'schedule:changed': scheduleChangeSchema,
  'rollcall:update': rollCallSchema,
  /** A text message for this screen (staff screens hear every message of the meeting). */
  'meeting:message': meetingMessageSchema,
  /** Live connection figures of every connected site (chair and operator only). */
  'meeting:quality': z.object({ sites: z.array(siteQualitySchema) }),
  'meeting:alert': siteAlertSchema,
  /** The meeting's recording started, paused or stopped: every invited site shows it. */
  'recording:state': recordingStatusSchema,
  /**
   * This node is being drained (maintenance or shutdown): leave, then join again through the load
   * balancer, which sends the client to another node, within this many seconds.
   */
  'node:draining': z.object({ reconnectWithinSeconds: z.number().int().nonnegative() }),
} as const;
export type ServerEventName = keyof typeof serverEvents;
export type ServerEventPayload<N extends ServerEventName> = z.output<(typeof serverEvents)[N]>;

/** socket.io's typed-event maps, derived from the tables above. */
export type ClientToServerEvents = {
  [N in RequestName]: (payload: RequestPayload<N>, ack: (result: Ack<ResponseData<N>>) => void) => void;
};
export type ServerToClientEvents = {
  [N in ServerEventName]: (payload: ServerEventPayload<N>) => void;
};
