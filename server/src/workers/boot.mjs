// Entry of every worker thread. The server runs TypeScript through tsx, but a worker thread does not
// inherit tsx's loader on Node 20 (measured: "Unknown file extension .ts"), so the worker registers it
// itself before loading the TypeScript host. Plain JavaScript because nothing can load .ts before this.
import { register } from 'tsx/esm/api';

register();
await import('./host.ts');
