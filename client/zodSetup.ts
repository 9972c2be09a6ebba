import { z } from 'zod';

// The server's CSP forbids eval. Without this, zod probes `new Function` the first time it
// parses an object, and the browser reports a violation even though zod catches the refusal.
// Imported first by main.tsx, ahead of every module that might parse while it loads.
z.config({ jitless: true });
