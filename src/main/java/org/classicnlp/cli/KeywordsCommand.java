package org.classicnlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.Document;
import org.classicnlp.core.Hit;
import org.classicnlp.tfidf.DefaultIdf;
import org.classicnlp.tfidf.KeywordExtractor;
import org.classicnlp.tfidf.StopWords;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keywords}: the top TF-IDF terms of every document, in batch. */
@Command(name = "keywords", mixinStandardHelpOptions = true,
        description = {"Write the top-k TF-IDF keywords of every document (tsv rows or JSONL).",
            "tsv: rows id<TAB>rank<TAB>term<TAB>weight (rank from 1); jsonl (--format jsonl): one JSON object per"
            + " document. Ties: term in code-point order. Without --model the idf comes from the input itself"
            + " (two passes); with --model, terms the model never saw get its median idf (as jieba does)."},
        footer = {"", "Examples:",
            "  classicnlp keywords --input news.txt --top 5 --stop-words zh",
            "  classicnlp keywords --model wiki.tfidf --input new.jsonl --min-length 2",
            "  echo '自然语言处理是人工智能的一个分支' | classicnlp keywords --model zh --input -"})
public final class KeywordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    BatchOptions batch;
    @Mixin
    TfidfOptions tfidf;
    @Option(names = {"-m", "--model"}, paramLabel = "zh|en|MODEL", description = "zh or en: the shipped IDF table"
            + " (Wikipedia paragraphs; works on a single document), or a model saved by 'tfidf fit' (else: fit on the input).")
    String model;
    @Option(names = {"-k", "--top"}, paramLabel = "K", description = "Keywords per document (default: ${DEFAULT-VALUE}).")
    int top = 10;
    @Option(names = "--format", paramLabel = "tsv|jsonl", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format = "tsv";
    @Option(names = "--min-length", paramLabel = "N", description = "Minimum keyword length in characters (default: ${DEFAULT-VALUE}).")
    int minLength = 1;
    @Option(names = "--exclude", paramLabel = "zh|en|FILE", description = "Words that may not be keywords (weights unchanged); comma-join several.")
    String exclude;
    @Option(names = "--keep-symbols", description = "Allow keywords without any letter or digit (punctuation, symbols).")
    boolean keepSymbols;
    @Option(names = "--pos", paramLabel = "TAGS", split = ",",
            description = "Only words tagged with one of these parts of speech may be keywords (the shipped Chinese"
                    + " tagger, People's Daily tags), e.g. --pos n,nr,ns,nt,nz,v,vn; weights unchanged.")
    List<String> pos;
    @Option(names = "--unseen", paramLabel = "median|ignore", description = "Terms the --model never saw: median idf (default) or ignore.")
    String unseen = "median";

    @Override
    public Integer call() throws IOException {
        boolean jsonl = Check.oneOf("--format", format, TfidfCommand.OUTPUT_FORMATS).equals("jsonl");
        KeywordExtractor.Unseen unseenPolicy = Check.oneOf("--unseen", unseen, List.of("median", "ignore"))
                .equals("median") ? KeywordExtractor.Unseen.MEDIAN_IDF : KeywordExtractor.Unseen.IGNORE;
        Check.atLeast("--top", top, 1);
        Check.atLeast("--min-length", minLength, 1);
        batch.check();
        if (model != null) {
            TfidfCommand.rejectVectorizerOptions(spec, "--model");
        }
        TfidfVectorizer vectorizer = model == null ? TfidfCommand.vectorizer(spec, tfidf, batch) : null;
        DocumentSource source = DocumentSource.open(batch.input, batch.inputFormat);
        TfidfModel m;
        if (model != null) {
            m = DefaultIdf.NAMES.contains(model) ? DefaultIdf.byLanguage(model) : TfidfModel.load(Path.of(model));
        } else {
            m = TfidfCommand.fit(vectorizer, batch, source);
            // fitted on this very input: a term outside the vocabulary was pruned on purpose
            unseenPolicy = KeywordExtractor.Unseen.IGNORE;
        }
        KeywordExtractor extractor;
        try {
            KeywordExtractor.Builder b = KeywordExtractor.builder(m).top(top).minLength(minLength).unseen(unseenPolicy)
                    .skipNonWords(!keepSymbols);
            if (pos != null && !pos.isEmpty()) {
                b.allowedTags(pos);
            }
            if (exclude != null) {
                b.stopWords(StopWords.byName(exclude));
            }
            extractor = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        LongSupplier total = model == null ? m::documentCount : source::size;
        PrintStream out = System.out;
        ByteRows.Pool pool = new ByteRows.Pool();
        try (Progress p = new Progress("keywords", total, batch.quiet); Stream<Document> docs = source.corpus.stream()) {
            run(extractor, docs, jsonl, pool, out, p);
        } catch (org.classicnlp.core.StableInput.ChangedException e) {
            throw new CliErrors.Failure(e.getMessage() + TfidfCommand.PARTIAL_STDOUT);
        }
        out.flush();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("error writing to standard output"));
        }
        return 0;
    }

    private void run(KeywordExtractor extractor, Stream<Document> docs, boolean jsonl, ByteRows.Pool pool,
            PrintStream out, Progress p) {
        {
            BatchExecutor.runDocuments(docs, batch.threads(), b -> {
                ByteRows rows = pool.take();
                for (Document d : b) {
                    List<Hit> kws = extractor.extract(d);
                    if (jsonl) {
                        rows.ascii("{\"id\":").jsonString(d.id()).ascii(",\"keywords\":[");
                        for (int k = 0; k < kws.size(); k++) {
                            if (k > 0) {
                                rows.put((byte) ',');
                            }
                            rows.ascii("{\"term\":").jsonString(kws.get(k).id()).ascii(",\"weight\":")
                                    .number(kws.get(k).score()).put((byte) '}');
                        }
                        rows.ascii("]}\n");
                    } else {
                        byte[] id = TfidfCommand.tsvField(d.id());
                        for (int k = 0; k < kws.size(); k++) {
                            rows.put(id).put((byte) '\t').number(k + 1).put((byte) '\t')
                                    .put(kws.get(k).id().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                    .put((byte) '\t').number(kws.get(k).score()).put((byte) '\n');
                        }
                    }
                }
                return new TfidfCommand.Batch(rows, b.size());
            }, r -> {
                TfidfCommand.write(out, r.rows());
                pool.give(r.rows());
                p.step(r.documents());
            });
        }
    }
}
