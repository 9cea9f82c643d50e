import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

/** What one measured run of a command cost, its whole process tree included. */
export interface TreeRun {
  seconds: number;
  /** User and system CPU seconds of every process of the tree. */
  cpuSeconds: number;
  /**
   * The cgroup's peak memory (memory.max_usage_in_bytes): the tree's own memory plus the page
   * cache of the files it read first or wrote. Undefined without cgroups.
   */
  peakBytes?: number;
  /** The highest anonymous memory (heaps, stacks) of the whole tree, read every 100 ms: what the processes themselves held. */
  peakAnonBytes?: number;
  status: number | null;
  output: string;
}

/** Where this process sits in a cgroup v1 controller's hierarchy, from /proc/self/cgroup. */
function ownGroup(controller: string): string | undefined {
  for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
    const [, controllers, path] = line.split(':');
    if (controllers?.split(',').includes(controller)) return path;
  }
  return undefined;
}

let made = 0;

/**
 * Makes a fresh cgroup beside this process in the cpuacct and memory hierarchies (cgroup v1,
 * as mounted on these machines), or says why it cannot: a run placed in it is measured with
 * every process it starts, however short-lived, without sampling.
 */
function makeGroups(): { cpu: string; memory: string } | string {
  const dirs: Record<string, string> = {};
  for (const controller of ['cpuacct', 'memory']) {
    const mount = join('/sys/fs/cgroup', controller);
    const own = ownGroup(controller);
    if (own === undefined || !existsSync(join(mount, 'cgroup.procs'))) return `no cgroup v1 ${controller} hierarchy at ${mount}`;
    const dir = join(mount, own, `loa-bench-${process.pid}-${++made}`);
    try {
      mkdirSync(dir);
    } catch (error) {
      for (const made of Object.values(dirs)) rmdirSync(made);
      return `cannot create ${dir} (${(error as Error).message}); run as root on a machine with cgroup v1 cpuacct and memory`;
    }
    dirs[controller] = dir;
  }
  return { cpu: dirs.cpuacct!, memory: dirs.memory! };
}

const leftover = new Set<string>();
process.on('exit', () => {
  for (const dir of leftover)
    try {
      rmdirSync(dir);
    } catch {
      console.error(`Could not remove the cgroup ${dir}; remove it with rmdir once its processes have ended.`);
    }
});

/**
 * Removes a cgroup once its processes have all ended (the kernel refuses while one is left, and
 * on a busy machine an ending process may stay a few seconds after its output closed); one still
 * busy is removed when the benchmark ends.
 */
async function removeGroup(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  leftover.add(dir);
}

/** Removes the empty cgroups that earlier benchmarks, now ended, could not remove (named after their process id). */
function removeStaleGroups(): void {
  for (const controller of ['cpuacct', 'memory']) {
    const own = ownGroup(controller);
    if (own === undefined) continue;
    const parent = join('/sys/fs/cgroup', controller, own);
    for (const name of existsSync(parent) ? readdirSync(parent) : []) {
      const pid = /^loa-bench-(\d+)-\d+$/.exec(name)?.[1];
      if (!pid || Number(pid) === process.pid || existsSync(`/proc/${pid}`)) continue;
      try {
        rmdirSync(join(parent, name));
      } catch {
        // Still holds a process, or not ours to remove.
      }
    }
  }
}

/** Why cgroups cannot measure runs here, or undefined when they can. */
export function cgroupsUnavailable(): string | undefined {
  removeStaleGroups();
  const groups = makeGroups();
  if (typeof groups === 'string') return groups;
  rmdirSync(groups.cpu);
  rmdirSync(groups.memory);
  return undefined;
}

/** CPU seconds of this process's ended and waited-for descendants (cutime and cstime of /proc/self/stat). */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Runs a command in a cgroup of its own and returns its wall time, the CPU time and the peak
 * memory of its whole process tree (the child processes a build starts, Pagefind's, Hugo's
 * threads, all included), so that tools that split work across processes are compared fairly.
 * The shell that starts the command joins the cgroup before it execs it, so nothing escapes.
 * Without cgroups (not root, cgroup v2 only) the CPU time is that of the descendants the tree
 * waited for, and memory is not measured.
 */
export function runInCgroup(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<TreeRun> {
  const groups = makeGroups();
  const cgroup = typeof groups !== 'string';
  const cpuBefore = childrenCpuSeconds();
  return new Promise((done) => {
    const started = performance.now();
    const child = cgroup
      ? spawn(
          '/bin/sh',
          ['-c', 'echo $$ > "$1/cgroup.procs" && echo $$ > "$2/cgroup.procs" && shift 2 && exec "$@"', 'sh', groups.cpu, groups.memory, command, ...args],
          {
            env,
            cwd,
          },
        )
      : spawn(command, args, { env, cwd });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peakAnonBytes = 0;
    const sample = () => {
      if (!cgroup) return;
      try {
        const stat = readFileSync(join(groups.memory, 'memory.stat'), 'utf8');
        peakAnonBytes = Math.max(peakAnonBytes, Number(/^total_rss (\d+)/m.exec(stat)?.[1] ?? 0));
      } catch {
        // Read as the run ends.
      }
    };
    const timer = setInterval(sample, 100);
    child.on('close', (status) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      if (!cgroup) return done({ seconds, cpuSeconds: childrenCpuSeconds() - cpuBefore, status, output });
      const cpuSeconds = Number(readFileSync(join(groups.cpu, 'cpuacct.usage'), 'utf8')) / 1e9;
      const peakBytes = Number(readFileSync(join(groups.memory, 'memory.max_usage_in_bytes'), 'utf8'));
      void Promise.all([removeGroup(groups.cpu), removeGroup(groups.memory)]).then(() =>
        done({ seconds, cpuSeconds, peakBytes, peakAnonBytes, status, output }),
      );
    });
  });
}

/** A build's run when it succeeded; else stops the benchmark with what the build printed. */
export function checked(run: TreeRun, what: string): TreeRun {
  if (run.status !== 0) throw new Error(`${what} failed:\n${run.output}`);
  return run;
}
