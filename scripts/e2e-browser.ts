// Before the end-to-end tests: find a browser, or install one the way this machine allows, or
// stop with one line saying what to run (tests/browser.ts).
import { ensureBrowserHere } from '../tests/browser';

const { ok, line } = ensureBrowserHere();
if (line) (ok ? console.log : console.error)(line);
if (!ok) process.exit(1);
