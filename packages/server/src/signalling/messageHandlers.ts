import { CodedError } from '@pm/shared';
import { RateLimiter } from '../util/rateLimiter.js';
import type { HandlerTable } from './handler.js';
import type { SocketSession } from './socketSession.js';

/** A person types a message in more than a second; more than this is a stuck key or a script. */
const MESSAGES_PER_WINDOW = 5;
const WINDOW_MS = 10_000;

/** Text messages inside a joined meeting, a few per socket in a while; the live meeting decides who may write to whom. */
export function messageHandlers(): HandlerTable {
  const limits = new WeakMap<SocketSession, RateLimiter>();
  return {
    'message:send': async (session, { to, text }) => {
      let limiter = limits.get(session);
      if (!limiter) {
        limiter = new RateLimiter(MESSAGES_PER_WINDOW, WINDOW_MS);
        limits.set(session, limiter);
      }
      if (!limiter.take()) throw new CodedError('RATE_LIMITED', `at most ${MESSAGES_PER_WINDOW} messages in ${WINDOW_MS / 1000} s`);
      const { meeting, participant } = session.participation;
      return meeting.sendMessage(participant, to, text);
    },
  };
}
