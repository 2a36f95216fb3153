#!/usr/bin/python3
"""Generates the scikit-learn parity fixture for TfidfVectorizerParityTest.

The documents are synthetic, made here from a seeded random generator (no third-party text): Zipf-
distributed pseudo-words built from Latin syllables (some capitalized), Chinese words built from a fixed
list of common characters, a few characters outside the Basic Multilingual Plane and in U+E000..U+FFFF
(to check code-point ordering of the vocabulary), and a variety of white space (tab, NBSP, U+3000,
U+2007, U+0085) between tokens (to check that splitting equals (?u)\\S+). Expected matrices come from
scikit-learn's TfidfVectorizer(token_pattern=r"(?u)\\S+", lowercase=False, ...) for several option sets.

Usage: bench/tfidf_sklearn_fixture.py [OUT_DIR]   (default src/test/resources/org/classicnlp/tfidf/parity)
Needs Debian's python3-sklearn (installed below if missing).
"""
import gzip, json, os, random, subprocess, sys

if subprocess.call("dpkg -s python3-sklearn >/dev/null 2>&1", shell=True) != 0:
    subprocess.check_call("apt-get install -y python3-sklearn", shell=True)

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

out_dir = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/org/classicnlp/tfidf/parity"
os.makedirs(out_dir, exist_ok=True)
rng = random.Random(20261121)

syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe", "gu", "hi", "ja", "qu"]
latin = set()
while len(latin) < 260:
    w = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.12:
        w = w.capitalize()
    if rng.random() < 0.05:
        w += rng.choice([".", ",", "!", "'s"])
    latin.add(w)
chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理"
cjk = set()
while len(cjk) < 160:
    cjk.add("".join(rng.choice(chars) for _ in range(rng.randint(1, 3))))
special = ["\U00020000\u4e00", "\U0001F600", "\uff46\uff4f\uff4f", "\ue000x", "\U00010348a", "\uffe5100", "zz\U0001F600", "zz\uff41"]
words = sorted(latin) + sorted(cjk) + special
rng.shuffle(words)
weights = [1.0 / (r + 1) ** 1.05 for r in range(len(words))]
seps = [" "] * 30 + ["  ", "\t", "\u00a0", "\u3000", "\u2007", "\u0085", " \u202f "]

docs = []
for i in range(240):
    n = 0 if i in (17, 133) else rng.randint(1, 40)
    toks = rng.choices(words, weights, k=n)
    text = ""
    for k, t in enumerate(toks):
        text += (rng.choice(seps) if k else (" " if rng.random() < 0.1 else "")) + t
    if rng.random() < 0.1:
        text += " "
    docs.append(text)

configs = {
    "default": {},
    "sublinear_l1": {"sublinear_tf": True, "norm": "l1"},
    "no_idf": {"use_idf": False},
    "no_smooth_no_norm": {"smooth_idf": False, "norm": None},
    "df_int_float": {"min_df": 2, "max_df": 0.5},
    "df_float_int": {"min_df": 0.02, "max_df": 60},
    "max_features": {"max_features": 40},
    "ngram_1_2": {"ngram_range": (1, 2)},
    "ngram_2_3_maxfeat": {"ngram_range": (2, 3), "max_features": 150, "min_df": 2, "sublinear_tf": True},
    "lowercase": {"lowercase": True},
    "stop_words_ngram": {"stop_words": sorted(words[:6]), "ngram_range": (1, 2), "norm": "l1"},
}

with open(os.path.join(out_dir, "docs.jsonl"), "w", encoding="utf-8") as f:
    for i, d in enumerate(docs):
        f.write(json.dumps({"id": str(i), "text": d}, ensure_ascii=True) + "\n")

for name, params in configs.items():
    kw = dict(token_pattern=r"(?u)\S+", lowercase=False)
    kw.update(params)
    vec = TfidfVectorizer(**kw)
    X = vec.fit_transform(docs).tocsr()
    X.sort_indices()
    rows = []
    for r in range(X.shape[0]):
        s, e = X.indptr[r], X.indptr[r + 1]
        rows.append([[int(j) for j in X.indices[s:e]], [float(v) for v in X.data[s:e]]])
    fixture = {
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()},
        "sklearn": sklearn.__version__,
        "vocabulary": list(vec.get_feature_names_out()),
        "idf": [float(v) for v in vec.idf_] if vec.use_idf else None,
        "rows": rows,
    }
    with gzip.GzipFile(os.path.join(out_dir, name + ".json.gz"), "wb", mtime=0) as g:
        g.write(json.dumps(fixture, ensure_ascii=True).encode("ascii"))
    print(f"{name}: {X.shape[1]} terms, {X.nnz} non-zeros")

# --- NumPy argsort ties (NumpyArgsortTest) and Python float repr (ShortestDoubleTest) -----------------
import math, struct
import numpy as np

lines = []
for t in range(400):
    n = rng.choice([1, 2, 5, 15, 16, 17, 18, 40, 100, 300])
    k = rng.choice([1, 2, 3, 5, 50, 10 ** 6])
    a = np.array([rng.randint(1, k) for _ in range(n)], dtype=np.float64)
    if t % 7 == 0:
        a = np.sort(a)
    if t % 11 == 0:
        a = np.sort(a)[::-1].copy()
    idx = (-a).argsort()
    lines.append(" ".join(str(int(x)) for x in a) + "|" + " ".join(map(str, idx)))
with gzip.open(os.path.join(out_dir, "argsort.txt.gz"), "wt", encoding="ascii") as f:
    f.write("# counts|numpy.argsort(-counts) (NumPy %s)\n" % np.__version__ + "\n".join(lines) + "\n")

vals = []
def add(x):
    vals.append("%016x %s" % (struct.unpack("<Q", struct.pack("<d", x))[0], repr(x)))
for i in range(700):
    b = rng.getrandbits(64)
    x = struct.unpack("<d", struct.pack("<Q", b))[0]
    if not (math.isnan(x) or math.isinf(x)):
        add(x)
    add(rng.random())
    add(rng.random() * rng.choice([1e-6, 1e-3, 1, 10, 1e5, 1e17]))
for e in range(-1074, 1024, 7):
    add(2.0 ** e)
for k in range(1, 400):
    add(k / 7); add(k * 0.1); add(math.log(k) + 1); add(10.0 ** (k % 44 - 22)); add(float(k * 1000))
for x in [0.0, -0.0, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1e16, 1e-5, 0.0001, 123456789012345680.0, 9007199254740993.0]:
    add(x)
with gzip.open(os.path.join(out_dir, "shortest-double.txt.gz"), "wt", encoding="ascii") as f:
    f.write("# IEEE-754 bits (hex) and Python repr(float)\n" + "\n".join(vals) + "\n")
print(f"argsort.txt.gz: {len(lines)} arrays; shortest-double.txt.gz: {len(vals)} values")
