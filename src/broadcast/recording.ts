import { extname, join } from 'node:path';
import { siteDir } from '../lib/site-dir.ts';
import { filePath } from '../lib/urls.ts';
import { AUDIO_FORMATS, audioFileName, readAudioFacts } from './audio-facts.ts';

/** A message's recording as pages and feeds show it. */
export interface Recording {
  /** Its path in the built site, under the base path: `/audio/name-1a2b3c4d5e.ogg`. */
  path: string;
  /** MIME type, for feeds and downloads (`audio/ogg`), and for `<source type>` with its codec (`audio/ogg; codecs=opus`). */
  type: string;
  sourceType: string;
  /** The format's name, for people: `Ogg Opus`. */
  format: string;
  bytes: number;
  /** Whole seconds, at least 1. */
  seconds: number;
}

/** The recording a message names (`audio:`, checked already by the content check), with what its file holds. */
export async function recordingOf(audio: string, base: string): Promise<Recording> {
  const file = join(siteDir(), 'content', audio);
  const facts = await readAudioFacts(file);
  const format = AUDIO_FORMATS[extname(audio).slice(1)]!;
  return {
    path: filePath(base, 'audio', audioFileName(file)),
    type: format.type,
    sourceType: format.sourceType,
    format: format.name,
    bytes: facts.bytes,
    seconds: Math.max(1, Math.round(facts.duration ?? 0)),
  };
}

/** A size in bytes as people read it, in the page's language: `38 kB`, `1.2 MB`. */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] = bytes < 1e6 ? [Math.max(1, Math.round(bytes / 1e3)), 'kilobyte'] : [Math.round(bytes / 1e5) / 10, 'megabyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** A duration as a clock reads it, as podcast feeds want it: `1:05`, `12:00`, `1:02:03`. */
export function clockDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
