import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBuffer } from 'music-metadata';
import { diskMemo } from '../lib/disk-memo.ts';

/** The recordings a message may name, by extension: the format the file must hold and the MIME type it is served as. */
export const AUDIO_FORMATS: Record<string, { name: string; codec: RegExp; container: RegExp; type: string; sourceType: string }> = {
  mp3: { name: 'MP3', container: /^MPEG$/, codec: /Layer 3/, type: 'audio/mpeg', sourceType: 'audio/mpeg' },
  m4a: { name: 'M4A (AAC)', container: /^M4A|isom|mp4|mp42/i, codec: /AAC/, type: 'audio/mp4', sourceType: 'audio/mp4' },
  aac: { name: 'AAC', container: /^ADTS/, codec: /AAC/, type: 'audio/aac', sourceType: 'audio/aac' },
  ogg: { name: 'Ogg Opus', container: /^Ogg$/, codec: /^Opus$/, type: 'audio/ogg', sourceType: 'audio/ogg; codecs=opus' },
  opus: { name: 'Ogg Opus', container: /^Ogg$/, codec: /^Opus$/, type: 'audio/ogg', sourceType: 'audio/ogg; codecs=opus' },
};

/** The largest recording accepted, in bytes (30 MB: half an hour of speech at a podcast's usual 128 kbit/s is more than enough). */
export const MAX_AUDIO_BYTES = 30 * 1000 * 1000;

/** What music-metadata found in an audio file. */
export interface AudioFacts {
  /** Bytes on disk. */
  bytes: number;
  /** Its container and codec as music-metadata names them (`Ogg`, `Opus`), when it could read them. */
  container?: string;
  codec?: string;
  /** Seconds. */
  duration?: number;
  /** Why it could not be read as audio. */
  unreadable?: string;
}

/**
 * Reads an audio file's format and duration with music-metadata (asynchronous: pages and the
 * child process of audioFactsNow use it). The format is told from the content, not the name, so
 * an MP3 named .ogg is found out; a file over the size limit is not read.
 */
export async function readAudioFacts(path: string): Promise<AudioFacts> {
  const bytes = statSync(path).size;
  if (bytes > MAX_AUDIO_BYTES) return { bytes };
  try {
    const { format } = await parseBuffer(readFileSync(path), undefined, { duration: true, skipCovers: true });
    return { bytes, container: format.container, codec: format.codec, duration: format.duration };
  } catch (error) {
    return { bytes, unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** Each recording's key by path, with the size and time it was found for: a check after an edit (live preview) reads no unchanged recording again. */
const keys = new Map<string, { size: number; mtimeMs: number; key: string }>();

/** A recording's size and a key for its bytes: their hash, or only the size for one over the limit, which is not read (see readAudioFacts). */
function bytesKey(path: string): { size: number; key: string } {
  const { size, mtimeMs } = statSync(path);
  const known = keys.get(path);
  if (known?.size === size && known.mtimeMs === mtimeMs) return known;
  const key = size > MAX_AUDIO_BYTES ? `over the limit: ${size}` : createHash('sha256').update(readFileSync(path)).digest('hex');
  keys.set(path, { size, mtimeMs, key });
  return { size, key };
}

/**
 * What each audio file is, for the content check, which is not asynchronous: the files are read
 * in one child process (src/broadcast/audio-facts-child.ts) that the check waits for, which also
 * keeps a parser failure on a hostile file out of the live preview's process. What it found is
 * kept in the build cache `cacheDir` by each file's bytes, so that a build or a check after an
 * edit starts no process (half a second) unless a recording changed.
 */
export function audioFactsNow(paths: readonly string[], cacheDir: string): Map<string, AudioFacts> {
  const memo = diskMemo<AudioFacts>(join(cacheDir, 'audio-facts'));
  const files = [...new Set(paths)].map((path) => ({ path, ...bytesKey(path) }));
  const pending = files.filter((file) => !memo.has([file.key]));
  const read = new Map<string, AudioFacts>();
  if (pending.length) {
    const child = spawnSync(process.execPath, [fileURLToPath(new URL('./audio-facts-child.ts', import.meta.url))], {
      input: JSON.stringify(pending.map((p) => p.path)),
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) {
      // Nothing kept: the next check tries again.
      const unreadable = `the audio reader failed (${child.stderr.trim().split('\n').pop() || `exit ${child.status}`})`;
      return new Map(files.map(({ path, size }) => [path, { bytes: size, unreadable }]));
    }
    (JSON.parse(child.stdout) as AudioFacts[]).forEach((facts, i) => read.set(pending[i]!.path, facts));
  }
  const found = new Map(files.map(({ path, key }) => [path, memo.get([key], () => read.get(path)!)]));
  memo.save();
  return found;
}

/** What is wrong with a recording, if anything: too large, no audio Loa can read, or not the format its name says. */
export function audioProblem(name: string, facts: AudioFacts): string | undefined {
  const extension = extname(name).slice(1).toLowerCase();
  const expected = AUDIO_FORMATS[extension];
  if (!expected) return `is not a recording Loa accepts; expected a file ending in ${acceptedExtensions()}`;
  if (facts.bytes > MAX_AUDIO_BYTES)
    return `is ${(facts.bytes / 1e6).toFixed(1)} MB; the largest accepted is ${MAX_AUDIO_BYTES / 1e6} MB: export it again at a lower bit rate (speech needs no more than 64 kbit/s mono)`;
  if (facts.unreadable || !facts.container || !facts.codec)
    return `is not an ${expected.name} recording: its content is no audio format Loa can read${facts.unreadable ? ` (${facts.unreadable})` : ''}; export the recording again as ${expected.name}`;
  if (!expected.container.test(facts.container) || !expected.codec.test(facts.codec))
    return `is ${facts.container} ${facts.codec} audio, not ${expected.name} as its name says; export the recording again as MP3, M4A (AAC) or Ogg Opus`;
  if (!facts.duration) return `has no length that can be read; the file may be cut short or damaged: export it again`;
  return undefined;
}

/** The extensions a recording may have, for messages to editors: `.mp3, .m4a, .aac, .ogg or .opus`. */
export function acceptedExtensions(): string {
  const all = Object.keys(AUDIO_FORMATS).map((e) => `.${e}`);
  return `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
}

/** A recording's name in the built site: its own name with a short hash of its content, so a new recording gets a new address. */
export function audioFileName(path: string): string {
  const extension = extname(path);
  const stem = path.split(/[\\/]/).pop()!.slice(0, -extension.length);
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 10);
  return `${stem}-${hash}${extension.toLowerCase()}`;
}

/** True for a file name a recording may have (`.mp3`, `.m4a`, `.aac`, `.ogg`, `.opus`, lowercase). */
export function isRecordingName(name: string): boolean {
  return Object.hasOwn(AUDIO_FORMATS, extname(name).slice(1));
}
