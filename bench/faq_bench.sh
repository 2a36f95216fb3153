#!/usr/bin/env bash
# FAQ bot precision@1 on corpora/faq-{zh,en}.jsonl, questions from corpora/faq-{zh,en}-test.jsonl (two
# paraphrases per stored question, written by this project): BM25, TF-IDF, w2v-mean, w2v-SIF, hashed TF-IDF,
# and each mixed half and half with BM25 (hybrid, weight 0.5). The w2v rows
# use the shipped embedders once Embedders.byName knows w2v-{mean,sif}-{zh,en} (issue 13); before that,
# vectors trained here on WIKI_FILES files of ../shared/data/{zh,en}-text (the output says which).
# Then the same through the CLI (faq --embedder NAME [--hybrid 0.5]) for every name Embedders resolves.
# Usage: bench/faq_bench.sh [WIKI_FILES]
source "$(dirname "$0")/common.sh"
build_bench
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
nice -n 10 java -Xmx3g -cp "$BENCH_CP" org.classicnlp.bench.FaqBench corpora "$DATA" "${1:-3}"
# the CLI, for the names this build resolves
for lang in zh en; do
  "$PY" -c "import json,sys; [print(json.loads(l)['question']) for l in open('corpora/faq-$lang-test.jsonl', encoding='utf-8')]" > "$OUT/faq-$lang-q.txt"
  "$PY" -c "import json,sys; [print(json.loads(l)['answer']) for l in open('corpora/faq-$lang-test.jsonl', encoding='utf-8')]" > "$OUT/faq-$lang-gold.txt"
  for e in bm25 tfidf-hash-$lang-1024 w2v-mean-$lang w2v-sif-$lang hybrid:w2v-sif-$lang hybrid:tfidf-hash-$lang-1024; do
    opts=(--embedder "$e")
    case $e in hybrid:*) opts=(--embedder "${e#hybrid:}" --hybrid 0.5) ;; esac
    if java -jar target/classicnlp.jar faq --faq corpora/faq-$lang.jsonl "${opts[@]}" < "$OUT/faq-$lang-q.txt" > "$OUT/faq-$lang-$e.out" 2> "$OUT/faq-$lang-$e.err"; then
      right=$(cut -f2- "$OUT/faq-$lang-$e.out" | paste -d'\t' - "$OUT/faq-$lang-gold.txt" | awk -F'\t' '$1==$2' | wc -l)
      echo "cli $lang $e: $right/$(wc -l < "$OUT/faq-$lang-q.txt") right"
    else
      echo "cli $lang $e: $(head -1 "$OUT/faq-$lang-$e.err")"
    fi
  done
done
