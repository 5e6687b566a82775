export * from './settings';
export * from './day';
export * from './scheduler';
export * from './queue';
export * from './members';
