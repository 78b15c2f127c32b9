// ./portal e2e: the browser suite against a running local platform. Screenshots go to docs/screenshots/.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const stream = run({ files: [join(here, 'portal.e2e.mjs')], concurrency: 1, timeout: 600_000 });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
