/**
 * Deletes the site a build replaced (`<out>.old-<pid>`), in a detached process started by
 * swapIntoPlace, so that the build need not wait for thousands of files to be removed. The folder
 * is first renamed by this process's id: a build starting meanwhile then finds it owned by a
 * running process and leaves it alone (see removeStaleLeftovers), instead of deleting it too
 * while it waits.
 *
 *   node src/build/remove-folder.ts <out>.old-<pid>
 */
import { renameSync, rmSync } from 'node:fs';

const folder = process.argv[2]!;
const mine = folder.replace(/\d+$/, String(process.pid));
try {
  renameSync(folder, mine);
  rmSync(mine, { recursive: true, force: true });
} catch {
  // A build took the folder first, or it is gone: nothing is left to do here.
}
