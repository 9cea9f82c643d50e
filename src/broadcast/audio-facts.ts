import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBuffer } from 'music-metadata';

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

/** Facts by path, with the size and time of the file they were found for. */
const known = new Map<string, { mtimeMs: number; size: number; facts: AudioFacts }>();

/**
 * What each audio file is, for the content check, which is not asynchronous: the files are read
 * in one child process (src/broadcast/audio-facts-child.ts) that the check waits for, which also
 * keeps a parser failure on a hostile file out of the live preview's process. Remembered per
 * path, time and size, so checking again after an edit costs a stat per recording.
 */
export function audioFactsNow(paths: readonly string[]): Map<string, AudioFacts> {
  const found = new Map<string, AudioFacts>();
  const pending: { path: string; mtimeMs: number; size: number }[] = [];
  for (const path of new Set(paths)) {
    const { mtimeMs, size } = statSync(path);
    const last = known.get(path);
    if (last && last.mtimeMs === mtimeMs && last.size === size) found.set(path, last.facts);
    else pending.push({ path, mtimeMs, size });
  }
  if (!pending.length) return found;
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./audio-facts-child.ts', import.meta.url))], {
    input: JSON.stringify(pending.map((p) => p.path)),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const facts: AudioFacts[] =
    child.status === 0
      ? (JSON.parse(child.stdout) as AudioFacts[])
      : pending.map((p) => ({ bytes: p.size, unreadable: `the audio reader failed (${child.stderr.trim().split('\n').pop() || `exit ${child.status}`})` }));
  pending.forEach(({ path, mtimeMs, size }, i) => {
    known.set(path, { mtimeMs, size, facts: facts[i]! });
    found.set(path, facts[i]!);
  });
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
