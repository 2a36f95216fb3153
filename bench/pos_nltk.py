#!/usr/bin/env python3
"""Peers for bench/pos_bench.sh: NLTK's averaged perceptron and TnT, and a most-frequent-tag baseline,
trained and tested on the same data as ours. Usage: pos_nltk.py pd|upos|xpos DATA_DIR [peer ...]
Prints rows: name, accuracy, known, unknown, tokens, tokens/s (tagging alone, best of three passes,
TnT one pass)."""
import gzip, re, sys, time
from collections import Counter, defaultdict

ID = re.compile(r'^\d{8}-\d{2}-\d{3}-\d{3}/m$')

def pd98(path, days):
    out = []
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            toks = line.split()
            if not toks or not ID.match(toks[0]) or int(toks[0][6:8]) not in days:
                continue
            sent = []
            for t in toks[1:]:
                if t.startswith('[') and t.find('/') > 1:
                    t = t[1:]
                close, slash = t.rfind(']'), t.rfind('/')
                if close > slash > 0:
                    t = t[:close]
                    slash = t.rfind('/')
                sent.append((t[:slash], t[slash + 1:]))
            if sent:
                out.append(sent)
    return out

def conllu(path, col):
    out, sent = [], []
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rt', encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                if sent:
                    out.append(sent)
                sent = []
                continue
            if line.startswith('#'):
                continue
            c = line.split('\t')
            if '-' in c[0] or '.' in c[0]:
                continue
            sent.append((c[1], c[col]))
    if sent:
        out.append(sent)
    return out

def score(name, train, test, tag_sent, passes=3):
    vocab = {w for s in train for w, _ in s}
    words = [[w for w, _ in s] for s in test]
    best, pred = None, None
    for _ in range(passes):
        t0 = time.perf_counter()
        p = [tag_sent(ws) for ws in words]
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
        pred = p
    n = ok = kn = kok = un = uok = 0
    for s, p in zip(test, pred):
        for (w, g), t in zip(s, p):
            n += 1; good = g == t; ok += good
            if w in vocab: kn += 1; kok += good
            else: un += 1; uok += good
    print('%s\t%.4f\t%.4f\t%.4f\t%d\t%.0f' % (name, ok / n, kok / max(kn, 1), uok / max(un, 1), n, n / best),
          flush=True)

def main():
    which, data = sys.argv[1], sys.argv[2]
    peers = sys.argv[3:] or ['mft', 'nltk-perceptron', 'nltk-tnt']
    if which == 'pd':
        path = data + '/peoples-daily-1998/199801.txt.gz'
        train, test = pd98(path, set(range(1, 29))), pd98(path, {29, 30, 31})
    else:
        col = 3 if which == 'upos' else 4
        train = conllu(data + '/ud/UD_English-EWT/en_ewt-ud-train.conllu.gz', col)
        test = conllu(data + '/ud/UD_English-EWT/en_ewt-ud-dev.conllu', col)
    if 'mft' in peers:
        counts = defaultdict(Counter)
        for s in train:
            for w, t in s:
                counts[w][t] += 1
        lex = {w: c.most_common(1)[0][0] for w, c in counts.items()}
        default = Counter(t for s in train for _, t in s).most_common(1)[0][0]
        score('most-frequent-tag', train, test, lambda ws: [lex.get(w, default) for w in ws])
    if 'nltk-perceptron' in peers:
        from nltk.tag.perceptron import PerceptronTagger
        p = PerceptronTagger(load=False)
        p.train(train, nr_iter=5)
        score('nltk-perceptron', train, test, lambda ws: [t for _, t in p.tag(ws)])
    if 'nltk-tnt' in peers:
        from nltk.tag import tnt
        t = tnt.TnT(N=100)
        t.train(train)
        score('nltk-tnt', train, test, lambda ws: [tag for _, tag in t.tag(ws)], passes=1)

if __name__ == '__main__':
    main()
