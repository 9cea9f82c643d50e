/** Letters and digits of poster codes: no look-alikes (0/o, 1/l/i) and no capitals. */
export const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Why a poster code is not acceptable, or undefined when it is. */
export function codeProblem(code: string): string | undefined {
  const bad = [...new Set([...code].filter((c) => !CODE_ALPHABET.includes(c)))];
  if (bad.length)
    return `characters outside the alphabet (${bad.map((c) => JSON.stringify(c)).join(', ')}); expected 2 to 8 of ${CODE_ALPHABET}, which leaves out look-alikes such as 0/O and 1/l/I`;
  if (code.length < 2 || code.length > 8) return `expected 2 to 8 characters; found ${code.length}`;
  return undefined;
}

/** A random new code of `length` characters that is not in `taken`. */
export function newCode(taken: ReadonlySet<string>, length = 3, random: () => number = Math.random): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const code = Array.from({ length }, () => CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]).join('');
    if (!taken.has(code)) return code;
  }
  return newCode(taken, length + 1, random);
}
