import { afterAll, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import type * as childProcess from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real spawnSync, counted: how many times the check starts its reader.
const started = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:child_process', async (original) => {
  const real = await original<typeof childProcess>();
  const spawnSync = ((...args: Parameters<typeof real.spawnSync>) => {
    started.count++;
    return real.spawnSync(...args);
  }) as typeof real.spawnSync;
  return { ...real, spawnSync };
});

/** The check as a new process loads it, remembering nothing in memory. */
const freshCheck = async () => {
  vi.resetModules();
  return (await import('../../src/broadcast/audio-facts.ts')).audioFactsNow;
};

const work = mkdtempSync(join(tmpdir(), 'loa-audio-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const recordings = join(import.meta.dirname, '../fixtures/broadcast/content/audio');
const cacheDir = join(work, 'cache');
const recording = join(work, 'drill.ogg');

describe('audioFactsNow', () => {
  it('reads a recording in a child process once, then, in the next build, takes what it found from the build cache', async () => {
    copyFileSync(join(recordings, 'flood-drill.ogg'), recording);
    const first = (await freshCheck())([recording], cacheDir).get(recording)!;
    expect(first).toMatchObject({ container: 'Ogg', codec: 'Opus' });
    expect(first.duration).toBeGreaterThan(0);
    expect(started.count).toBe(1);

    expect((await freshCheck())([recording], cacheDir).get(recording)).toEqual(first);
    expect(started.count).toBe(1);
  });

  it('reads a recording again once its bytes changed, under the same name', async () => {
    copyFileSync(join(recordings, 'market-day.mp3'), recording);
    const facts = (await freshCheck())([recording], cacheDir).get(recording)!;
    expect(facts.container).toBe('MPEG');
    expect(facts.codec).toMatch(/Layer 3/);
    expect(started.count).toBe(2);
  });
});
