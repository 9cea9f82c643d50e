import { rmSync } from 'node:fs';
import { OUTPUT, SITES, outDir, runBuild, type SiteName } from './helpers/sites.ts';

/** Builds the demo and the fixture sites once per test run, one after another. */
export default function setup() {
  rmSync(OUTPUT, { recursive: true, force: true });
  for (const [name, { siteDir, env }] of Object.entries(SITES)) {
    const result = runBuild(siteDir, outDir(name as SiteName), env);
    if (result.status !== 0) throw new Error(`Building the ${name} site failed:\n${result.output}`);
  }
}
