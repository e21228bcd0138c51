/**
 * Adds a golden case for the text cleaner: src/clean/cases/<slug>/input.txt and its expected.json.
 *
 *   node --import tsx scripts/new-clean-case.ts <slug> [file]
 *   pbpaste | node --import tsx scripts/new-clean-case.ts <slug>
 *
 * Reads the page dump from `file`, or from stdin when no file is given; `slug` names the folder
 * (lower-case words joined by hyphens, e.g. `paywall-notices`). Writes the input as given (with one
 * final newline) and the cleaner's current result as expected.json, then prints that result so you
 * can check it: the cleaner's output is only a first draft of the expectation. Where it is wrong, fix
 * the rules in src/clean/rules.ts or src/clean/text.ts, then refresh every case with
 * `UPDATE=1 npx vitest run src/clean/cases.test.ts` and review the diff in git.
 *
 * Write the text of a case yourself (invented outlets, people and events); never paste a real page.
 * Refuses to overwrite an existing case.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR, INPUT_FILE, SLUG, formatExpected, runCase, writeExpected } from '../src/clean/cases/golden.ts';

const USAGE = 'usage: node --import tsx scripts/new-clean-case.ts <slug> [file]   (reads stdin without a file)';

function main(argv: string[]): number {
  const [slug, file, ...extra] = argv;
  if (!slug || extra.length > 0 || slug === '-h' || slug === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return slug === '-h' || slug === '--help' ? 0 : 2;
  }
  if (!SLUG.test(slug)) {
    process.stderr.write(`bad slug ${JSON.stringify(slug)}: use lower-case words joined by hyphens\n`);
    return 2;
  }
  const dir = join(CASES_DIR, slug);
  if (existsSync(dir)) {
    process.stderr.write(`${dir} exists; edit its input.txt and run UPDATE=1 npx vitest run src/clean/cases.test.ts\n`);
    return 1;
  }
  if (file === undefined && process.stdin.isTTY) {
    process.stderr.write(`${USAGE}\nno file given and stdin is a terminal\n`);
    return 2;
  }
  const input = readFileSync(file ?? 0, 'utf8').replace(/\r\n?/g, '\n').replace(/\s*$/, '\n');
  if (!input.trim()) {
    process.stderr.write('the input is empty\n');
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, INPUT_FILE), input);
  const result = runCase(input);
  writeExpected(slug, result);
  process.stdout.write(formatExpected(result));
  process.stderr.write(`wrote ${join(dir, INPUT_FILE)} and expected.json: review the result above\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
