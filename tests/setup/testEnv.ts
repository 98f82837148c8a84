import { inject } from 'vitest';

// Test files read the services the global setup made sure of, through the usual variables.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.REDIS_URL = inject('redisUrl');
process.env.MEDIASOUP_WORKER_BIN = inject('mediasoupWorkerBin');
