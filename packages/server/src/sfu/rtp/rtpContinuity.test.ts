import { describe, expect, it } from 'vitest';
import { buildRtp, rtp, RTP_HEADER } from './rtpPacket.js';
import { RtpContinuity } from './rtpContinuity.js';
import { isVp8KeyframeStart, Vp8Continuity } from './vp8.js';

const VP8_KEY = Buffer.from([0x10, 0x00, 0x9d, 0x01, 0x2a]); // S=1, PID=0; P=0: keyframe
const VP8_DELTA = Buffer.from([0x10, 0x01, 0x00]); // P=1: interframe
const VP8_CONT = Buffer.from([0x00, 0xaa]); // not a partition start
const SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);

describe('RtpContinuity', () => {
  it('keeps one SSRC and continuous sequence numbers and timestamps across a change of source', () => {
    const out = new RtpContinuity(111, 48_000, { now: 0 });
    const a = [0, 1, 2].map((i) => buildRtp(100, 500 + i, 9_000 + i * 960, 0xaaaa, Buffer.from([0xf8])));
    const b = [0, 1].map((i) => buildRtp(100, 40_000 + i, 7_777_000 + i * 960, 0xbbbb, Buffer.from([0xf8])));
    a.forEach((p, i) => expect(out.rewrite(p, 1000 + i * 20)).toBe(true));
    // Source B begins 500 ms after A's last packet.
    b.forEach((p, i) => expect(out.rewrite(p, 1540 + i * 20)).toBe(true));
    const all = [...a, ...b];
    expect(new Set(all.map(rtp.ssrc))).toEqual(new Set([out.ssrc]));
    expect(all.every((p) => (p[1]! & 0x7f) === 111)).toBe(true);
    const seqs = all.map(rtp.seq);
    expect(seqs.slice(1).map((s, i) => (s - seqs[i]!) & 0xffff)).toEqual([1, 1, 1, 1]);
    const ts = all.map(rtp.timestamp);
    expect(ts[1]! - ts[0]!).toBe(960);
    // The jump at the change follows the wall clock: 500 ms at 48 kHz.
    expect(ts[3]! - ts[2]!).toBe(24_000);
    expect(ts[4]! - ts[3]!).toBe(960);
  });

  it('drops late packets of a source left behind', () => {
    const out = new RtpContinuity(111, 48_000);
    expect(out.rewrite(buildRtp(100, 1, 1, 0xaaaa, Buffer.from([1])), 0)).toBe(true);
    expect(out.rewrite(buildRtp(100, 1, 1, 0xbbbb, Buffer.from([1])), 10)).toBe(true);
    expect(out.rewrite(buildRtp(100, 2, 2, 0xaaaa, Buffer.from([1])), 20)).toBe(false);
  });

  it('tells how long video has waited for a keyframe', () => {
    const out = new RtpContinuity(96, 90_000, { canStart: isVp8KeyframeStart });
    expect(out.waitingFor(0)).toBe(0);
    expect(out.rewrite(buildRtp(96, 1, 100, 0xaaaa, VP8_DELTA), 100)).toBe(false);
    expect(out.rewrite(buildRtp(96, 2, 200, 0xaaaa, VP8_DELTA), 700)).toBe(false);
    expect(out.waitingFor(700)).toBe(600);
    expect(out.rewrite(buildRtp(96, 3, 300, 0xaaaa, VP8_KEY), 800)).toBe(true);
    expect(out.waitingFor(800)).toBe(0);
  });

  it('switches video only at a keyframe of the new source', () => {
    const out = new RtpContinuity(96, 90_000, { canStart: isVp8KeyframeStart });
    expect(out.rewrite(buildRtp(96, 1, 100, 0xaaaa, VP8_DELTA), 0)).toBe(false);
    expect(out.rewrite(buildRtp(96, 2, 100, 0xaaaa, VP8_KEY), 10)).toBe(true);
    expect(out.rewrite(buildRtp(96, 3, 100, 0xaaaa, VP8_CONT), 11)).toBe(true);
    expect(out.rewrite(buildRtp(96, 9, 4000, 0xbbbb, VP8_DELTA), 50)).toBe(false);
    expect(out.rewrite(buildRtp(96, 10, 7000, 0xbbbb, VP8_KEY), 60)).toBe(true);
  });

  it('fills a silence with packets of its own that keep pace with the clock', () => {
    const out = new RtpContinuity(111, 48_000, { now: 0 });
    const [first] = out.synthesize(SILENCE, 960, 20);
    const [second] = out.synthesize(SILENCE, 960, 40);
    expect(rtp.timestamp(second!) - rtp.timestamp(first!)).toBe(960);
    expect((rtp.seq(second!) - rtp.seq(first!)) & 0xffff).toBe(1);
    const real = buildRtp(100, 7, 123, 0xcccc, Buffer.from([1]));
    expect(out.rewrite(real, 60)).toBe(true);
    expect(rtp.timestamp(real) - rtp.timestamp(second!)).toBe(960);
    expect(out.senderReport(60).readUInt32BE(16)).toBe(rtp.timestamp(real));
  });

  it('fills a silence back to back, as much sound as time passed, however late its timer fires', () => {
    const out = new RtpContinuity(111, 48_000, { now: 0 });
    const real = buildRtp(100, 1, 5000, 0xaaaa, Buffer.from([1]));
    out.rewrite(real, 100);
    // The source goes quiet; the filler runs when 60 ms passed, then at uneven, late ticks.
    const filled = [160, 220, 250, 500, 520, 1100].flatMap((now) => out.synthesize(SILENCE, 960, now));
    const ts = [real, ...filled].map(rtp.timestamp);
    // One 20 ms frame after another up to the last tick: 1000 ms of sound for 1000 ms of silence.
    expect(ts.slice(1).map((t, i) => t - ts[i]!)).toEqual(new Array(50).fill(960));
    expect(filled.every((p, i) => ((rtp.seq(p) - rtp.seq(real)) & 0xffff) === i + 1)).toBe(true);
    // Nothing more until the clock passes the last frame.
    expect(out.synthesize(SILENCE, 960, 1110)).toEqual([]);
  });

  it('begins a silence after a long break (a new part) at now, not back to back', () => {
    const out = new RtpContinuity(111, 48_000, { now: 0 });
    const [first] = out.synthesize(SILENCE, 960, 20);
    const later = out.synthesize(SILENCE, 960, 60_020);
    expect(later).toHaveLength(1);
    expect(rtp.timestamp(later[0]!) - rtp.timestamp(first!)).toBe(60 * 48_000);
  });

  it('places video on the wall clock after a gap and a change of source, whatever the sources’ own clocks say', () => {
    const out = new RtpContinuity(96, 90_000, { canStart: isVp8KeyframeStart, now: 0 });
    const a = [0, 1, 2].map((i) => buildRtp(96, 100 + i, 1_000 + i * 2970, 0xaaaa, i === 0 ? VP8_KEY : VP8_DELTA));
    a.forEach((p, i) => expect(out.rewrite(p, 1000 + i * 33)).toBe(true));
    // The floor changes: B's first packets are not a keyframe; its keyframe comes 2.5 s after A's last frame.
    expect(out.rewrite(buildRtp(96, 9000, 50, 0xbbbb, VP8_DELTA), 1500)).toBe(false);
    const b = [0, 1].map((i) => buildRtp(96, 9001 + i, 60 + i * 2970, 0xbbbb, i === 0 ? VP8_KEY : VP8_DELTA));
    b.forEach((p, i) => expect(out.rewrite(p, 3566 + i * 33)).toBe(true));
    const ts = [...a, ...b].map(rtp.timestamp);
    // Output time between A's last frame and B's first is the wall time between them (2.5 s).
    expect(ts[3]! - ts[2]!).toBe(2.5 * 90_000);
    expect(ts[4]! - ts[3]!).toBe(2970);
  });
});

describe('isVp8KeyframeStart', () => {
  it('reads the payload descriptor with its extensions', () => {
    expect(isVp8KeyframeStart(VP8_KEY)).toBe(true);
    expect(isVp8KeyframeStart(VP8_DELTA)).toBe(false);
    expect(isVp8KeyframeStart(VP8_CONT)).toBe(false);
    // X=1, I=1 with a 15-bit picture id (M=1), L=1, T=1: 5 bytes before the VP8 header.
    expect(isVp8KeyframeStart(Buffer.from([0x90, 0xe0, 0x81, 0x23, 0x05, 0x20, 0x9c]))).toBe(true);
    expect(isVp8KeyframeStart(Buffer.from([0x90, 0xe0, 0x81, 0x23, 0x05, 0x20, 0x9d]))).toBe(false);
  });
});

describe('RtpContinuity frame times', () => {
  it('leaves a packet that arrives late at its own time, for the recorder to reorder', () => {
    const out = new RtpContinuity(96, 90_000, { now: 0 });
    const packets = [buildRtp(96, 10, 3000, 0xaaaa, Buffer.from([1])), buildRtp(96, 12, 9000, 0xaaaa, Buffer.from([3])), buildRtp(96, 11, 6000, 0xaaaa, Buffer.from([2]))];
    packets.forEach((p, i) => out.rewrite(p, i * 33));
    const [first, third, late] = packets.map(rtp.timestamp) as [number, number, number];
    expect([late - first, third - first]).toEqual([3000, 6000]);
    expect((rtp.seq(packets[2]!) - rtp.seq(packets[0]!)) & 0xffff).toBe(1);
  });

  it('keeps a frame that would go back or share the last millisecond one millisecond later', () => {
    const out = new RtpContinuity(96, 90_000, { now: 0 });
    const frames = [
      buildRtp(96, 1, 1000, 0xaaaa, Buffer.from([1])),
      buildRtp(96, 2, 1000, 0xaaaa, Buffer.from([2])), // same frame, second packet
      buildRtp(96, 3, 1010, 0xaaaa, Buffer.from([3])), // 10 ticks later: under a millisecond
      buildRtp(96, 4, 900, 0xaaaa, Buffer.from([4])), // back in time
      buildRtp(96, 5, 4000, 0xaaaa, Buffer.from([5])),
    ];
    frames.push(buildRtp(96, 6, 4000, 0xaaaa, Buffer.from([6])));
    frames[4]![1]! |= 0x80; // the frame of packet 5 ends there: packet 6 is another frame at the same time
    frames.forEach((p, i) => out.rewrite(p, i * 33));
    const ts = frames.map(rtp.timestamp);
    // The corrections stay: the later frame keeps its distance from the one that went back.
    expect(ts.slice(1).map((t, i) => t - ts[i]!)).toEqual([0, 90, 90, 3100, 90]);
  });
});

describe('Vp8Continuity', () => {
  /** A VP8 payload with a 15-bit picture id and a TL0PICIDX, starting a keyframe or not. */
  const vp8 = (pictureId: number, tl0: number, key: boolean) =>
    Buffer.from([0x90, 0xc0, 0x80 | (pictureId >> 8), pictureId & 0xff, tl0, key ? 0x9c : 0x9d]);
  const pictureIdOf = (packet: Buffer) => packet.readUInt16BE(RTP_HEADER + 2) & 0x7fff;
  const tl0Of = (packet: Buffer) => packet[RTP_HEADER + 4]!;

  it('runs the picture id and TL0PICIDX on across a change of source, from the new source’s keyframe', () => {
    const out = new RtpContinuity(96, 90_000, { canStart: isVp8KeyframeStart, payload: new Vp8Continuity(), now: 0 });
    const a = [buildRtp(96, 1, 0, 0xaaaa, vp8(30_000, 200, true)), buildRtp(96, 2, 3000, 0xaaaa, vp8(30_001, 201, false))];
    const b = [buildRtp(96, 500, 0, 0xbbbb, vp8(12, 7, true)), buildRtp(96, 501, 3000, 0xbbbb, vp8(13, 8, false))];
    [...a, ...b].forEach((p, i) => expect(out.rewrite(p, i * 33)).toBe(true));
    expect([...a, ...b].map(pictureIdOf)).toEqual([30_000, 30_001, 30_002, 30_003]);
    expect([...a, ...b].map(tl0Of)).toEqual([200, 201, 202, 203]);
  });

  it('wraps the 15-bit picture id and the 8-bit TL0PICIDX', () => {
    const out = new RtpContinuity(96, 90_000, { canStart: isVp8KeyframeStart, payload: new Vp8Continuity(), now: 0 });
    const packets = [buildRtp(96, 1, 0, 0xaaaa, vp8(0x7fff, 255, true)), buildRtp(96, 2, 0, 0xbbbb, vp8(5, 9, true))];
    packets.forEach((p, i) => out.rewrite(p, i * 33));
    expect(packets.map(pictureIdOf)).toEqual([0x7fff, 0]);
    expect(packets.map(tl0Of)).toEqual([255, 0]);
  });
});

describe('RtpContinuity following a chosen source', () => {
  it('takes back a source it left before, from its next keyframe', () => {
    const out = new RtpContinuity(96, 90_000, { canStart: isVp8KeyframeStart, now: 0 });
    expect(out.rewrite(buildRtp(96, 1, 0, 0xaaaa, VP8_KEY), 0)).toBe(true);
    out.follow(0xbbbb);
    expect(out.rewrite(buildRtp(96, 1, 0, 0xbbbb, VP8_KEY), 33)).toBe(true);
    out.follow(0xaaaa);
    expect(out.rewrite(buildRtp(96, 2, 3000, 0xaaaa, VP8_DELTA), 66)).toBe(false);
    expect(out.rewrite(buildRtp(96, 3, 6000, 0xaaaa, VP8_KEY), 99)).toBe(true);
    expect(out.rewrite(buildRtp(96, 2, 3000, 0xbbbb, VP8_DELTA), 100)).toBe(false);
  });
});
