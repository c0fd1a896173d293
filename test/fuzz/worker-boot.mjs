// Worker threads do not inherit the TypeScript loader of the runner (tsx) on Node 20: register it here.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
