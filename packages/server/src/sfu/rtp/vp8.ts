/**
 * Whether an RTP payload of VP8 (RFC 7741) starts a keyframe: the start of a partition (S=1) of
 * partition 0, whose VP8 frame header has the inverse key-frame bit P cleared.
 */
export function isVp8KeyframeStart(payload: Buffer): boolean {
  if (payload.length < 1) return false;
  const first = payload[0]!;
  const start = (first & 0x10) !== 0;
  const partition = first & 0x0f;
  if (!start || partition !== 0) return false;
  let offset = 1;
  if (first & 0x80) {
    // Extension byte: I (picture id), L (TL0PICIDX), T/K (TID/KEYIDX) say what follows.
    const ext = payload[offset++];
    if (ext === undefined) return false;
    if (ext & 0x80) offset += payload[offset]! & 0x80 ? 2 : 1;
    if (ext & 0x40) offset++;
    if (ext & 0x30) offset++;
  }
  const header = payload[offset];
  return header !== undefined && (header & 0x01) === 0;
}

/** Where the picture id and TL0PICIDX sit in a VP8 payload descriptor, if it carries them. */
interface DescriptorFields {
  /** Offset of the picture id, and whether it is 15 bits (else 7). */
  pictureId?: { offset: number; long: boolean };
  tl0PicIdx?: number;
}

function descriptorFields(payload: Buffer): DescriptorFields {
  const first = payload[0];
  if (first === undefined || !(first & 0x80)) return {};
  const ext = payload[1];
  if (ext === undefined) return {};
  const fields: DescriptorFields = {};
  let offset = 2;
  if (ext & 0x80) {
    const byte = payload[offset];
    if (byte === undefined) return {};
    const long = (byte & 0x80) !== 0;
    if (payload.length < offset + (long ? 2 : 1)) return {};
    fields.pictureId = { offset, long };
    offset += long ? 2 : 1;
  }
  if (ext & 0x40 && offset < payload.length) fields.tl0PicIdx = offset;
  return fields;
}

/**
 * Keeps a VP8 stream's picture ids and TL0PICIDX running on across a change of source, as an SFU
 * does when it switches simulcast layers: a receiver must not see the picture id jump back, nor
 * take the new source's frames for ones it lost. Re-anchored at each new source's keyframe.
 */
export class Vp8Continuity {
  private pictureIdOffset = 0;
  private tl0Offset = 0;
  private lastPictureId: number | undefined;
  private lastTl0: number | undefined;

  /** The next packet (a keyframe of a new source) continues from the last one sent. */
  anchor(payload: Buffer): void {
    const fields = descriptorFields(payload);
    if (fields.pictureId) {
      const { long } = fields.pictureId;
      const range = long ? 0x8000 : 0x80;
      const input = readPictureId(payload, fields.pictureId.offset, long);
      this.pictureIdOffset = this.lastPictureId === undefined ? 0 : (this.lastPictureId + 1 - input + range * 2) % range;
    }
    if (fields.tl0PicIdx !== undefined) {
      const input = payload[fields.tl0PicIdx]!;
      this.tl0Offset = this.lastTl0 === undefined ? 0 : (this.lastTl0 + 1 - input + 512) % 256;
    }
  }

  /** Rewrites the payload's descriptor in place. */
  rewrite(payload: Buffer): void {
    const fields = descriptorFields(payload);
    if (fields.pictureId) {
      const { offset, long } = fields.pictureId;
      const range = long ? 0x8000 : 0x80;
      const value = (readPictureId(payload, offset, long) + this.pictureIdOffset) % range;
      if (long) payload.writeUInt16BE(0x8000 | value, offset);
      else payload[offset] = value;
      this.lastPictureId = value;
    }
    if (fields.tl0PicIdx !== undefined) {
      const value = (payload[fields.tl0PicIdx]! + this.tl0Offset) % 256;
      payload[fields.tl0PicIdx] = value;
      this.lastTl0 = value;
    }
  }
}

function readPictureId(payload: Buffer, offset: number, long: boolean): number {
  return long ? payload.readUInt16BE(offset) & 0x7fff : payload[offset]! & 0x7f;
}
