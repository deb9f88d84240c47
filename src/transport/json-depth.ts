// Measures how deeply a JSON text nests, in one pass and without parsing, so a hostile answer cannot overflow the stack.
//
// JSON.parse accepts 100,000 nested arrays, but JSON.stringify, structuredClone and any recursive walk of the result
// then throw "Maximum call stack size exceeded". Clarifai's answers nest a dozen levels; anything past the limit is
// treated as a body that is not Clarifai's.

/** Far above any Clarifai answer, far below what recursion in V8 survives. */
export const MAX_JSON_DEPTH = 128;

/** True when the text has more than `max` levels of `[`/`{` (strings and their escapes are skipped). */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
