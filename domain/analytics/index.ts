export * from './rating';
export * from './spikes';
