// Runs every benchmark of the project in turn.
await import('./appeals');

export {};
