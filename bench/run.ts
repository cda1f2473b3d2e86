// Runs every benchmark of the project in turn.
await import('./calendar');
await import('./appeals');

export {};
