// jieba's Rust port through Node (@node-rs/jieba, precise mode with HMM, its bundled default dictionary).
// Usage: node bench/jieba_node.js NODE_MODULES_DIR INPUT OUT RUNS
// Writes the segmentation of INPUT to OUT (words separated by spaces, one line per line), then times RUNS
// further passes (median chars/s); prints load time and speed on stderr like bench/jieba_segment.py.
const path = require('path');
const fs = require('fs');
const [modules, input, out, runsArg] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const { Jieba } = require(path.join(modules, '@node-rs/jieba'));
const { dict } = require(path.join(modules, '@node-rs/jieba/dict.js'));
const jieba = Jieba.withDict(dict);
jieba.cut('预热一下。', true);
const load = Number(process.hrtime.bigint() - t0) / 1e9;
const lines = fs.readFileSync(input, 'utf8').split(/\r?\n/);
if (lines.length && lines[lines.length - 1] === '') lines.pop();
let chars = 0;
for (const l of lines) chars += l.length;
const outLines = lines.map(l => jieba.cut(l, true).filter(w => w.trim() !== '').join(' '));
fs.writeFileSync(out, outLines.join('\n') + '\n');
const rates = [];
for (let r = 0; r < Number(runsArg); r++) {
  const s = process.hrtime.bigint();
  let sink = 0;
  for (const l of lines) sink += jieba.cut(l, true).length;
  rates.push(chars / (Number(process.hrtime.bigint() - s) / 1e9));
  if (sink < 0) console.log(sink);
}
rates.sort((a, b) => a - b);
const median = rates.length ? rates[Math.floor(rates.length / 2)] : 0;
process.stderr.write(`node-jieba load_s=${load.toFixed(2)} chars=${chars} chars_per_s=${median.toFixed(0)}\n`);
