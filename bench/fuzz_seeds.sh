#!/usr/bin/env bash
# Rewrites the seed inputs of the model fuzz targets (issue 18) under src/test/resources/<package>/<Target>Inputs/:
# a small model of each kind, trained by the CLI from corpora/ (bench/cli_models.sh) or, for the kinds no command
# writes (lexicon image, SIF, the perceptron image), by bench/java/FuzzSeeds.java; each kept as saved (gzip body)
# and re-stored with a plain body (bench/fuzz_plain.py), so that mutations reach the kind's reader directly.
# Usage: bench/fuzz_seeds.sh   (after mvn package)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source bench/cli_models.sh
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cli_models "$T"
java -cp target/classicnlp.jar bench/java/FuzzSeeds.java "$T"
R=src/test/resources/org/classicnlp
seed() { # seed FILE PACKAGE TARGET METHOD
  local dir=$R/$2/$3Inputs/$4
  mkdir -p "$dir"
  cp "$1" "$dir/seed-saved"
  python3 bench/fuzz_plain.py "$1" "$dir/seed-plain"
}
seed "$T/hmm.bin" segment HmmModelFuzzTest hmm
seed "$T/hybrid.bin" segment HybridModelFuzzTest hybrid
seed "$T/perceptron.bin" segment PerceptronSegmenterFuzzTest perceptronSeg
seed "$T/perceptron.img" segment PerceptronImageFuzzTest perceptronImage
seed "$T/words.lexicon" lexicon LexiconImageFuzzTest lexicon
seed "$T/model.tfidf" tfidf TfidfModelFuzzTest tfidf
seed "$T/vec.packed" word2vec PackedVectorsFuzzTest packedVectors
seed "$T/model.sif" word2vec SifEmbedderFuzzTest sif
seed "$T/pos-hmm.bin" pos HmmTaggerFuzzTest posHmm
seed "$T/pos-perceptron.bin" pos PerceptronTaggerFuzzTest posPerceptron
seed "$T/lm.bin" ngram NGramBinaryFuzzTest ngram
seed "$T/idx/vectors.vindex" index VectorIndexFuzzTest vectorIndex
seed "$T/idx/bm25.bin" index Bm25IndexFuzzTest bm25
seed "$T/classifier.bin" classify LinearClassifierFuzzTest classifier
seed "$T/model.tfidf" core ModelContainerFuzzTest container
cp "$T/hmm.bin" $R/core/ModelContainerFuzzTestInputs/container/seed-hmm
mkdir -p $R/ngram/ArpaFuzzTestInputs/arpa $R/word2vec/Word2VecTextFuzzTestInputs/word2vecText \
  $R/word2vec/Word2VecBinaryFuzzTestInputs/word2vecBinary
cp "$T/lm.arpa" $R/ngram/ArpaFuzzTestInputs/arpa/seed-lm.arpa
cp "$T/vec.txt" $R/word2vec/Word2VecTextFuzzTestInputs/word2vecText/seed-cli.txt
cp "$T/vec.bin" $R/word2vec/Word2VecBinaryFuzzTestInputs/word2vecBinary/seed-cli.bin
# the lexicon and perceptron images are stored plain already: one copy
rm -f $R/lexicon/LexiconImageFuzzTestInputs/lexicon/seed-saved $R/segment/PerceptronImageFuzzTestInputs/perceptronImage/seed-saved
# text readers: the samples in corpora/
text() { # text PACKAGE TARGET METHOD FILE...
  local dir=$R/$1/$2Inputs/$3; shift 3
  mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/seed-$(basename "$f")"; done
}
text core SighanFuzzTest sighan corpora/sighan-sample.utf8 corpora/sighan-bom.utf8 corpora/seg-train.sighan.txt
text core PeoplesDailyFuzzTest peoplesDaily corpora/pd98-sample.txt corpora/seg-train.pd98.txt
text core ConlluFuzzTest conllu corpora/pos-sample.conllu
text core JsonlFuzzTest jsonl corpora/docs-sample.jsonl corpora/classify-test.jsonl
head -3 corpora/faq-zh.jsonl > $R/core/JsonlFuzzTestInputs/jsonl/seed-faq-zh.jsonl
text core WikiExtractorFuzzTest wikiExtractor corpora/wiki-sample.txt
text lexicon DictionaryFuzzTest dictionary corpora/user-dict-sample.txt corpora/words-sample.txt
text word2vec Word2VecTextFuzzTest word2vecText corpora/w2v-c-tool.txt
text word2vec Word2VecBinaryFuzzTest word2vecBinary corpora/w2v-c-tool.bin corpora/w2v-gensim-style.bin
S=$R/serve/EmbeddingsRequestFuzzTestInputs/embeddingsRequest
mkdir -p $S
printf '%s' '{"model":"w2v-mean-en","input":"hello world"}' > $S/seed-string
printf '%s' '{"model":"m","input":["a","b"],"encoding_format":"base64","dimensions":8,"user":"u"}' > $S/seed-strings
printf '%s' '{"model":"m","input":[[1,2,3],[4]],"extra":{"x":[1,{"y":null}]}}' > $S/seed-token-arrays
printf '%s' '{"input":[15339,1917],"model":"m","encoding_format":"float"}' > $S/seed-tokens
ls -la $R/*/*FuzzTestInputs/*/ | awk '{s+=$5} END {print "seed bytes:", s}'
