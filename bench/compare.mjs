// `make bench-compare BASE=<rev>`: two release builds served side by side and measured in one
// browser, rounds alternating, so machine load falls on both alike. Prints a Markdown table of
// each round's medians. Usage: node bench/compare.mjs <dist before> <dist after> [rounds]
import { serve, launch } from '../tests/e2e/lib.mjs';
import { keysFor, signedToken } from './fixtures.mjs';
import { algorithmLatencies, decodeLatency, firstKey, median, startup } from './measures.mjs';

const [before, after, roundsText = '3'] = process.argv.slice(2);
if (!before || !after) {
  process.stderr.write('usage: node bench/compare.mjs <dist before> <dist after> [rounds]\n');
  process.exit(2);
}
const rounds = Number(roundsText);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`rounds must be a whole number from 1 (not ${roundsText})\n`);
  process.exit(2);
}
const say = (text) => process.stderr.write(`compare: ${text}\n`);

/** One round of every measure on one build: the medians, in ms. */
async function round(browser, url) {
  const decode = await decodeLatency(browser, url, 20);
  const at = (label) => median(decode.find((row) => row.label === label).times);
  const [rs256] = await algorithmLatencies(browser, url, 10, ['RS256']);
  const first = await firstKey(browser, url, 3, signedToken('RS256', { sub: 'bob' }), keysFor('RS256').verify);
  const warm = [];
  const engine = { cold: [], warm: [] };
  const paint = { cold: [], warm: [] };
  const start = await startup(browser, url, 5, new Set(), new Set(), warm, { engine, paint });
  return {
    'decode, jwt.io example': at('jwt.io example'),
    'decode, 8 KB payload': at('8 KB'),
    'decode, 256 KB payload': at('256 KB'),
    'RS256: public key pasted → verdict in the DOM': median(rs256.verifyParse),
    'RS256: new token pasted, key in its box → verdict': median(rs256.verifyParsed),
    'RS256: key pasted as the page becomes usable → verdict (3 cold loads)': median(first),
    'start-up, navigation → example decoded (5 cold loads)': median(start),
    'start-up, warm (4 reloads)': median(warm),
    'navigation → first contentful paint, cold': median(paint.cold),
    'navigation → first contentful paint, warm': median(paint.warm),
    'navigation → key engine ready, cold': median(engine.cold),
    'navigation → key engine ready, warm': median(engine.warm),
  };
}

const servers = [await serve(before), await serve(after)];
const browser = await launch();
const results = [[], []];
try {
  for (let r = 0; r < rounds; r++) {
    // Alternate which build goes first, so neither always gets the warmer browser.
    const order = r % 2 ? [1, 0] : [0, 1];
    for (const which of order) {
      say(`round ${r + 1} of ${rounds}, ${which ? 'after' : 'before'}`);
      results[which].push(await round(browser, servers[which].url));
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

const cell = (rows, name) => rows.map((row) => row[name].toFixed(2)).join(' / ');
const lines = ['| measure (ms, each round\'s median) | before | after |', '|---|---:|---:|'];
for (const name of Object.keys(results[0][0])) lines.push(`| ${name} | ${cell(results[0], name)} | ${cell(results[1], name)} |`);
process.stdout.write(`${lines.join('\n')}\n`);
