// ./portal e2e: the browser suite against a running local platform. Screenshots go to docs/screenshots/.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// ./portal e2e 'every page' runs only the tests whose names match (the before-hook's sign-in always runs).
const only = process.argv.slice(2);
const stream = run({ files: [join(here, 'portal.e2e.mjs')], concurrency: 1, timeout: 900_000, ...(only.length ? { testNamePatterns: only } : {}) });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
