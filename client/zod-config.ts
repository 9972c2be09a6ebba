import { z } from 'zod';

// The server's Content Security Policy forbids eval; zod's compiled parsers would probe for it
// with `new Function`, which Chromium reports as a violation even though zod then falls back.
z.config({ jitless: true });
