// The PDF worker's entry in the source tree (CLI, local stack, tests): worker threads do not
// inherit the runner's TypeScript loader (tsx) on Node 20, so it is registered here. The Lambda
// bundle ships its own pdf-worker.mjs, built from pdf-worker.ts (infra/constructs/bundled-function.ts).
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
