// `node dist/server/database-template.js` (run by `npm install`): makes the PGlite database template
// a first start copies, so that the first `npm start` does not wait for initdb and migrations.
import { ensureClusterTemplate } from './cluster-template.ts';

const started = performance.now();
const folder = await ensureClusterTemplate();
console.log(`Database template ready in ${folder} (${Math.round(performance.now() - started)} ms)`);
