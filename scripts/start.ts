import { ensureClientBuilt } from './client-build.js';

// `npm start`: build the client when needed, then run the server that serves it.
await ensureClientBuilt();
await import('../server/main.js');
