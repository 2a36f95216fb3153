// The official Node SDK (npm `openai`) against `classicnlp serve` (issue 13): every input shape, float and
// base64, dimensions, models list/retrieve, and the error cases (status, the hosted API's error object).
// Run by bench/serve_node_sdk.sh with OPENAI_BASE_URL and OPENAI_API_KEY set. Prints one line per check.
import OpenAI from 'openai';

const client = new OpenAI({ maxRetries: 0 });
const EN = process.env.EN_MODEL || 'w2v-sif-en';
const ZH = process.env.ZH_MODEL || 'w2v-sif-zh';
let failed = 0;
const check = (name, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ' — ' + detail : ''}`);
  if (!ok) failed++;
};
const decode = (b64) => {
  const buf = Buffer.from(b64, 'base64');
  return Array.from(new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4));
};
const close = (a, b) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 1e-6 * Math.max(1, Math.abs(x)));
const shape = (r, n, model) => r.object === 'list' && r.model === model && r.data.length === n
  && r.data.every((d, i) => d.object === 'embedding' && d.index === i)
  && Number.isInteger(r.usage.prompt_tokens) && r.usage.total_tokens === r.usage.prompt_tokens;

async function expectError(name, call, status, code) {
  try {
    await call();
    check(name, false, 'no error');
  } catch (e) {
    const err = e.error || {};
    const ok = e instanceof OpenAI.APIError && e.status === status && typeof err.message === 'string'
      && 'type' in err && 'param' in err && 'code' in err && (code === undefined || e.code === code);
    check(name, ok, `status ${e.status}, code ${e.code}, message: ${err.message ?? e.message}`);
  }
}

const text = 'the horse eats grass in the barn';
// a string; float
const f = await client.embeddings.create({ model: EN, input: text, encoding_format: 'float', user: 'node-check' });
check('string input, float', shape(f, 1, EN) && Array.isArray(f.data[0].embedding),
  `dim ${f.data[0].embedding.length}, usage ${f.usage.prompt_tokens}`);
// a string; base64 asked for explicitly: the SDK hands back the string
const b = await client.embeddings.create({ model: EN, input: text, encoding_format: 'base64' });
check('string input, base64 (little-endian float32 = float answer)', shape(b, 1, EN)
  && typeof b.data[0].embedding === 'string' && close(decode(b.data[0].embedding), f.data[0].embedding));
// no encoding_format: the SDK asks for base64 itself and decodes it to floats
const d = await client.embeddings.create({ model: EN, input: text });
check('string input, SDK default (base64 on the wire, decoded)', shape(d, 1, EN)
  && close(d.data[0].embedding, f.data[0].embedding));
// an array of strings
const texts = ['北京市今天发布了新的空气质量报告', '上海港集装箱吞吐量再创新高', '国家统计局公布数据'];
for (const fmt of ['float', 'base64']) {
  const r = await client.embeddings.create({ model: ZH, input: texts, encoding_format: fmt });
  check(`array of strings, ${fmt}`, shape(r, 3, ZH), `usage ${r.usage.prompt_tokens} (our analyzer's tokens)`);
}
// token ids, and an array of token-id arrays (ids index the model's own vocabulary)
for (const fmt of ['float', 'base64']) {
  const one = await client.embeddings.create({ model: EN, input: [1, 2, 3, 2], encoding_format: fmt });
  check(`array of token ids, ${fmt}`, shape(one, 1, EN) && one.usage.prompt_tokens === 4);
  const two = await client.embeddings.create({ model: EN, input: [[1, 2], [3], [4, 5, 6]], encoding_format: fmt });
  check(`array of token-id arrays, ${fmt}`, shape(two, 3, EN) && two.usage.total_tokens === 6);
}
// dimensions: truncated and renormalised
for (const fmt of ['float', 'base64']) {
  const r = await client.embeddings.create({ model: EN, input: text, dimensions: 16, encoding_format: fmt });
  const v = fmt === 'base64' ? decode(r.data[0].embedding) : r.data[0].embedding;
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  check(`dimensions 16, ${fmt}`, v.length === 16 && Math.abs(norm - 1) < 1e-5, `length ${v.length}, norm ${norm.toFixed(6)}`);
}
// models
const ids = [];
for await (const m of client.models.list()) ids.push(m.id);
check('models.list', ids.includes(EN) && ids.includes(ZH), ids.join(', '));
const m = await client.models.retrieve(ZH);
check('models.retrieve', m.id === ZH && m.object === 'model' && typeof m.created === 'number' && m.owned_by === 'classicnlp');

// errors: the hosted API's statuses and error object, never a 5xx
await expectError('unknown model -> 404 model_not_found',
  () => client.embeddings.create({ model: 'text-embedding-3-small', input: 'a' }), 404, 'model_not_found');
await expectError('models.retrieve unknown -> 404 model_not_found', () => client.models.retrieve('nope'), 404, 'model_not_found');
await expectError('empty array -> 400', () => client.embeddings.create({ model: EN, input: [] }), 400);
await expectError('empty string -> 400', () => client.embeddings.create({ model: EN, input: '' }), 400);
await expectError('wrong type -> 400', () => client.embeddings.create({ model: EN, input: { a: 1 } }), 400);
await expectError('mixed array -> 400', () => client.embeddings.create({ model: EN, input: ['a', 1] }), 400);
await expectError('bad encoding_format -> 400', () => client.embeddings.create({ model: EN, input: 'a', encoding_format: 'hex' }), 400);
await expectError('dimensions too large -> 400', () => client.embeddings.create({ model: EN, input: 'a', dimensions: 100000 }), 400);
await expectError('token id outside the vocabulary -> 400', () => client.embeddings.create({ model: EN, input: [1e9] }), 400);
await expectError('too many inputs (2049) -> 400',
  () => client.embeddings.create({ model: EN, input: Array(2049).fill('a') }), 400);
await expectError('body over --max-body -> 413',
  () => client.embeddings.create({ model: EN, input: 'horse '.repeat(2_000_000) }), 413, 'request_too_large');
const wrong = new OpenAI({ apiKey: 'wrong-key', maxRetries: 0 });
await expectError('wrong key -> 401 invalid_api_key', () => wrong.embeddings.create({ model: EN, input: 'a' }), 401, 'invalid_api_key');
// bad JSON: the SDK cannot send it, so a plain fetch with the key
const res = await fetch(process.env.OPENAI_BASE_URL + '/embeddings', {
  method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + process.env.OPENAI_API_KEY },
  body: '{"model": "' + EN + '", "input": ',
});
const j = await res.json();
check('bad JSON -> 400 error object', res.status === 400 && j.error && 'message' in j.error && 'param' in j.error,
  `status ${res.status}: ${j.error?.message}`);

console.log(failed === 0 ? 'node sdk: all checks passed' : `node sdk: ${failed} checks FAILED`);
process.exit(failed === 0 ? 0 : 1);
