"""scikit-learn peer of `classify train` + `classify eval`: TfidfVectorizer(sublinear_tf=True) on the
JSONL texts, then MultinomialNB(alpha=0.01) | LinearSVC() | LogisticRegression(C=10), fit on TRAIN,
predict TEST; prints accuracy<TAB>macro_f1<TAB>documents like `classify eval`.
Usage: classify_sklearn.py nb|svm|logreg TRAIN.jsonl TEST.jsonl"""
import json, sys, warnings
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

warnings.filterwarnings("ignore")  # LogisticRegression's max_iter warning: the reference runs with defaults
algo, train, test = sys.argv[1:4]
def read(p):
    t, y = [], []
    with open(p, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            t.append(o["text"]); y.append(o["label"])
    return t, y
xt, yt = read(train)
xe, ye = read(test)
vec = TfidfVectorizer(sublinear_tf=True)
Xt = vec.fit_transform(xt)
Xe = vec.transform(xe)
model = {"nb": lambda: MultinomialNB(alpha=0.01), "svm": lambda: LinearSVC(),
         "logreg": lambda: LogisticRegression(C=10)}[algo]()
model.fit(Xt, yt)
p = model.predict(Xe)
print("%.4f\t%.4f\t%d" % (accuracy_score(ye, p), f1_score(ye, p, average="macro"), len(ye)))
