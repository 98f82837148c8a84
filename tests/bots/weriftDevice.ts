/**
 * mediasoup-client's own Chrome111 handler on werift (a pure-JS WebRTC stack) instead of a browser:
 * a bot runs the same handler code a kiosk's Chromium runs, at well under 1 % of a core.
 *
 * werift installs browser-shaped globals (RTCPeerConnection, MediaStream…) that the handler uses.
 * Its defaults are not Chrome's: it would offer no transport-cc, no abs-send-time and no RTX, and
 * mediasoup would then take a cheaper path for bots than for real kiosks (no send-side bandwidth
 * estimation, no retransmission stream). So every peer connection is given Chrome's codecs,
 * feedback and header extensions, and no STUN server (the platform is on this machine).
 */
import { Device } from 'mediasoup-client';
import { Chrome111 } from 'mediasoup-client/handlers/Chrome111';
import type { types } from 'mediasoup-client';
import {
  RTCRtpCodecParameters,
  useAbsSendTime,
  useAudioLevelIndication,
  useFIR,
  useNACK,
  usePLI,
  useREMB,
  useSdesMid,
  useTransportWideCC,
  useTWCC,
  useVideoOrientation,
} from 'werift';
// A bundle of its own: the config objects above cross over by shape, which is all werift reads.
import { installPolyfill } from 'werift/polyfill';
import { enlargeUdpReceiveBuffers } from './udpReceiveBuffers.ts';

let installed = false;

/** Chrome's payload types, so SDP munging differences cannot hide behind renumbering. */
const VP8_PT = 96;
const VP8_RTX_PT = 97;
const OPUS_PT = 111;

function installChromeLikeWebRtc(): void {
  if (installed) return;
  installed = true;
  enlargeUdpReceiveBuffers();
  installPolyfill({
    mediaRegister: [],
    existingMediaDevices: 'noop',
    peerConnectionConfig: {
      iceServers: [],
      iceUseIpv6: false,
      // werift skips loopback addresses when gathering; the SFU listens on 127.0.0.1 here.
      iceAdditionalHostAddresses: ['127.0.0.1'],
      codecs: {
        audio: [
          new RTCRtpCodecParameters({
            mimeType: 'audio/opus',
            clockRate: 48000,
            channels: 2,
            payloadType: OPUS_PT,
            parameters: 'minptime=10;useinbandfec=1',
            rtcpFeedback: [useTWCC()],
          }),
        ],
        video: [
          new RTCRtpCodecParameters({
            mimeType: 'video/VP8',
            clockRate: 90000,
            payloadType: VP8_PT,
            rtcpFeedback: [useREMB(), useTWCC(), useFIR(), useNACK(), usePLI()],
          }),
          new RTCRtpCodecParameters({
            mimeType: 'video/rtx',
            clockRate: 90000,
            payloadType: VP8_RTX_PT,
            parameters: `apt=${VP8_PT}`,
            rtcpFeedback: [],
          }),
        ],
      },
      headerExtensions: {
        audio: [useSdesMid(), useAbsSendTime(), useTransportWideCC(), useAudioLevelIndication()],
        video: [useSdesMid(), useAbsSendTime(), useTransportWideCC(), useVideoOrientation()],
      },
    },
  });
}

/** A mediasoup-client Device loaded with the router's capabilities, backed by werift. */
export async function loadBotDevice(routerRtpCapabilities: types.RtpCapabilities): Promise<Device> {
  installChromeLikeWebRtc();
  const device = new Device({ handlerFactory: Chrome111.createFactory({}) });
  await device.load({ routerRtpCapabilities });
  return device;
}
