import { createCouncilIndex } from '../../lib/councils/council-index';
import { allRegisterNames, buildBuyerListText, buildPageText, readCouncilsFile, registerNamesRegExp } from '../fixtures/recognition/sets';

/**
 * Issue 18's speed targets: `findMentions`, one call over 1 MB, against the naive baseline of one
 * case-insensitive, word-bounded RegExp alternation of every register name (compiled once, run
 * over the same text), on prose (notice text, a council every few hundred characters) and on dense
 * text (real buyer names one a line, as on a search results page). Targets: at least 2x the
 * RegExp on prose and 1x on dense text. Run by `npm run bench` in a process of its own, holding
 * only what a content script would (recognition.bench.ts holds far more, which slows both sides
 * unevenly). The two are timed in alternation, so both see the same machine load; the ratio of
 * wall-time medians, of the best runs and of the process's CPU-time medians (which waiting for a
 * core shared with other work does not inflate) are printed side by side.
 */

const now = () => performance.now();
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

const data = readCouncilsFile();
const index = createCouncilIndex(data);
const regex = registerNamesRegExp(allRegisterNames(data));
const { text: prose } = buildPageText(data, 1 << 20);
const dense = buildBuyerListText(1 << 20);

interface Runs {
  wall: number[];
  cpu: number[];
}

/** Records the wall and CPU milliseconds of one call of `fn`. */
function measure(fn: () => unknown, into: Runs): void {
  const c = process.cpuUsage();
  const t = now();
  fn();
  into.wall.push(now() - t);
  const d = process.cpuUsage(c);
  into.cpu.push((d.user + d.system) / 1000);
}

function race(input: string | readonly string[], runs: number): { ours: Runs; regex: Runs } {
  const ours: Runs = { wall: [], cpu: [] };
  const re: Runs = { wall: [], cpu: [] };
  const texts = typeof input === 'string' ? [input] : input;
  const findAll = () => {
    for (const text of texts) index.findMentions(text);
  };
  const matchAll = () => {
    for (const text of texts) text.match(regex);
  };
  for (let k = 0; k < 3; k++) {
    findAll();
    matchAll();
  }
  for (let k = 0; k < runs; k++) {
    measure(findAll, ours);
    measure(matchAll, re);
  }
  return { ours, regex: re };
}

const ratioLine = (r: { ours: Runs; regex: Runs }, target: number): string => {
  const ratios = [median(r.regex.wall) / median(r.ours.wall), Math.min(...r.regex.wall) / Math.min(...r.ours.wall), median(r.regex.cpu) / median(r.ours.cpu)];
  const met = ratios.filter((x) => x >= target).length;
  return `  ratio ${ratios[0]!.toFixed(2)}x of wall medians, ${ratios[1]!.toFixed(2)}x of best runs, ${ratios[2]!.toFixed(2)}x of CPU medians   target >= ${target}x: ${met === 3 ? 'met' : met > 0 ? `met on ${met} of 3 measures` : 'NOT met'}`;
};

console.log('\n## findMentions against one RegExp of every register name, one call over 1 MB (issue 18)');
for (const [label, input, target, what] of [
  ['prose', prose, 2, 'notice titles, descriptions and party names from ../shared/data, with planted sentences naming a council'],
  ['dense', dense, 1, 'real buyer names (../shared/data release files, Find a Tender 2026 included), one a line'],
] as const) {
  const size = Buffer.byteLength(input) / (1 << 20);
  const r = race(input, 25);
  const fullScan = createCouncilIndex(data, { anchored: false });
  // Checked after timing: comparing two megabytes of results leaves a heap behind that slows both sides.
  const found = index.findMentions(input);
  const same = JSON.stringify(fullScan.findMentions(input)) === JSON.stringify(found);
  console.log(
    `${label}: ${size.toFixed(2)} MB of ${what}; ${found.length} mentions, a council every ${Math.round(input.length / Math.max(1, found.length))} characters; the RegExp matches ${input.match(regex)?.length ?? 0}; same mentions as a scan of every token: ${same ? 'yes' : 'NO'}`,
  );
  const mbs = (t: number) => `${(size / (t / 1000)).toFixed(1)} MB/s`;
  console.log(
    `  findMentions ${ms(median(r.ours.wall))} (${mbs(median(r.ours.wall))}), CPU ${ms(median(r.ours.cpu))}   baseline RegExp ${ms(median(r.regex.wall))} (${mbs(median(r.regex.wall))}), CPU ${ms(median(r.regex.cpu))}`,
  );
  console.log(ratioLine(r, target));
}

// A content script calls findMentions once a text node: the fixed cost of a call counts as much as
// the cost a character. The same prose, cut into 100-character texts at word breaks, one call each.
const shortTexts: string[] = [];
for (let at = 0; at < prose.length; ) {
  let end = Math.min(prose.length, at + 100);
  while (end < prose.length && end > at + 60 && prose.charCodeAt(end) !== 32) end--;
  shortTexts.push(prose.slice(at, end));
  at = end;
}
const shortRace = race(shortTexts, 15);
const shortFound = shortTexts.reduce((n, text) => n + index.findMentions(text).length, 0);
console.log(`\nshort texts: the prose above as ${shortTexts.length} texts of up to 100 characters, one call each; ${shortFound} mentions`);
console.log(
  `  findMentions ${ms(median(shortRace.ours.wall))} (${((median(shortRace.ours.wall) * 1000) / shortTexts.length).toFixed(2)} µs a call), CPU ${ms(median(shortRace.ours.cpu))}   baseline RegExp ${ms(median(shortRace.regex.wall))}, CPU ${ms(median(shortRace.regex.cpu))}`,
);
console.log(ratioLine(shortRace, 1));
