// `npm ci` / `npm install` build the client once, so the first `npm start` serves the map at once.
// An install without dev tools (no Vite) skips this; `npm start` will say what is missing.
try {
  const { ensureClientBuilt } = await import('./client-build.js');
  await ensureClientBuilt();
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`The client was not built now (${message.split('\n')[0]}); \`npm start\` will build it.\n`);
}

export {};
