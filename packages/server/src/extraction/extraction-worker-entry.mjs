// Worker threads do not inherit the TypeScript loader under every runner (vitest, plain
// node); register tsx here, then load the worker written in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./extraction-worker.ts');
