// Help text fits 80 columns: long lines wrap at spaces, continuing under their description column (option tables) or
// their own indent, so no word is broken and `--help` reads the same in any terminal.

const HELP_WIDTH = 80;

function wrapHelpLine(line: string): string[] {
  if ([...line].length <= HELP_WIDTH) return [line];
  // An option or command row: `  --flag VALUE        what it does` continues under "what it does".
  const row = /^(\s+\S(?:\S| (?! ))*\s{2,})(\S.*)$/u.exec(line);
  const head = row ? row[1]! : /^\s*/u.exec(line)![0];
  const indent = ' '.repeat([...head].length > HELP_WIDTH / 2 ? /^\s*/u.exec(line)![0].length + 4 : [...head].length);
  const out: string[] = [];
  let current = head;
  let fresh = true;
  for (const word of line.slice(head.length).split(/ +/u)) {
    if (!fresh && [...current].length + 1 + [...word].length > HELP_WIDTH) {
      out.push(current);
      current = indent + word;
    } else {
      current = fresh ? current + word : `${current} ${word}`;
    }
    fresh = false;
  }
  out.push(current);
  return out;
}

/** Consecutive unindented prose lines, one of them too long: reflowed as one paragraph instead of wrapped line by line. */
function reflowProse(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const prose = (l: string) => l !== '' && !/^\s/u.test(l) && !/:$/u.test(l) && !/^Usage:/u.test(l);
    if (!prose(lines[i]!)) {
      out.push(lines[i++]!);
      continue;
    }
    let j = i;
    while (j < lines.length && prose(lines[j]!)) j++;
    const paragraph = lines.slice(i, j);
    out.push(...(paragraph.some((l) => [...l].length > HELP_WIDTH) ? [paragraph.join(' ')] : paragraph));
    i = j;
  }
  return out;
}

/** The help text with every line within 80 columns (a single word longer than that is kept whole). */
export function formatHelp(text: string): string {
  return reflowProse(text.split('\n'))
    .flatMap((line) => wrapHelpLine(line))
    .join('\n');
}
