#!/usr/bin/env node
// Runs the server bundled by scripts/build-server.js, building it first when a source changed since.
import { buildServer, serverBuildIsFresh } from '../scripts/build-server.js';

if (!serverBuildIsFresh()) await buildServer();
await import('../dist/server/main.js');
