#!/usr/bin/env node
// Runs the TypeScript server through tsx so that `npm start` needs no separate build of the server.
import { register } from 'tsx/esm/api';
register();
await import('../server/src/main.ts');
