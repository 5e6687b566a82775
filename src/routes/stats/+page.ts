// statistics come from IndexedDB: render in the browser
export const ssr = false;
