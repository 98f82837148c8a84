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
