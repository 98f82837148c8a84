export * from './errors.js';
export * from './media.js';
export * from './protocol.js';
export * from './health.js';
export * from './meeting.js';
export * from './auth.js';
