// Serves the jose comparison page (bench/jose/) with the jose package's browser build beside it,
// copied as published (tests/e2e/node_modules/jose/dist/webapi, no bundler) into target/jose-page/.
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, ROOT } from '../tests/e2e/lib.mjs';

const PAGE = join(ROOT, 'target/jose-page');

/** { url, dir, close }: the page on 127.0.0.1 and the directory it is served from. */
export async function serveJose() {
  await rm(PAGE, { recursive: true, force: true });
  await mkdir(PAGE, { recursive: true });
  await cp(join(ROOT, 'bench/jose'), PAGE, { recursive: true });
  await cp(join(ROOT, 'tests/e2e/node_modules/jose/dist/webapi'), join(PAGE, 'jose'), { recursive: true });
  const server = await serve(PAGE);
  return { ...server, dir: PAGE };
}
