// settings live in IndexedDB: render in the browser
export const ssr = false;
