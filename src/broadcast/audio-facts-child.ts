// Reads the audio files named on standard input (a JSON list of paths) and writes their facts
// (see readAudioFacts) as a JSON list: run by audioFactsNow, for the content check.
import { readAudioFacts } from './audio-facts.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const paths = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[];
const facts = [];
for (const path of paths) facts.push(await readAudioFacts(path));
process.stdout.write(JSON.stringify(facts));
