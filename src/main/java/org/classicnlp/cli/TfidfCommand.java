package org.classicnlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.classicnlp.core.Document;
import org.classicnlp.tfidf.SparseRows;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tfidf fit} and {@code tfidf transform}: TF-IDF models and vectors in batch. */
@Command(name = "tfidf",
        description = "Fit TF-IDF models and write TF-IDF vectors (scikit-learn's definitions and defaults).",
        mixinStandardHelpOptions = true,
        subcommands = {TfidfCommand.Fit.class, TfidfCommand.Transform.class},
        footer = {"", "Examples:",
            "  classicnlp tfidf fit --input news.txt --out news.tfidf",
            "  classicnlp tfidf transform --model news.tfidf --input news.txt > vectors.tsv",
            "  classicnlp tfidf transform --fit --tokenizer whitespace --input docs/ --format jsonl"})
public final class TfidfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: fit or transform");
    }

    /** Vectorizer option names: accepted only when a model is being fitted. */
    static final List<String> VECTORIZER_OPTIONS = List.of("--norm", "--no-idf", "--no-smooth-idf", "--sublinear-tf",
            "--textbook", "--min-df", "--max-df", "--max-features", "--ngram", "--stop-words", "--tokenizer",
            "--lowercase");

    /** Fits a model over the batch input, with a progress bar. */
    static TfidfModel fit(TfidfVectorizer vectorizer, BatchOptions batch, DocumentSource source) {
        try (Progress p = new Progress("fit", source::size, batch.quiet); Stream<Document> docs = source.corpus.stream()) {
            return vectorizer.fit(docs, p::step);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliErrors.aboutInput("--input", batch.input, e);
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Learn a TF-IDF vocabulary and idf from a corpus and save the model.",
            footer = {"", "Example:", "  classicnlp tfidf fit --input corpus.jsonl --out corpus.tfidf --min-df 2 --sublinear-tf"})
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        BatchOptions batch;
        @Option(names = {"-o", "--output", "--out"}, required = true, paramLabel = "MODEL", description = "Where to save the model.")
        Path out;
        @Mixin
        TfidfOptions tfidf;

        @Override
        public Integer call() {
            batch.check();
            TfidfVectorizer vectorizer = vectorizer(spec, tfidf, batch);
            Check.writable("--output", out);
            DocumentSource source = DocumentSource.open(batch.input, batch.inputFormat);
            TfidfModel model = fit(vectorizer, batch, source);
            model.save(out);
            if (!batch.quiet) {
                System.err.println("fitted " + model.documentCount() + " documents, " + model.dimension() + " terms -> " + out);
            }
            return 0;
        }
    }

    @Command(name = "transform", mixinStandardHelpOptions = true,
            description = {"Write the TF-IDF vector of every document (tsv rows or JSONL).",
                "tsv: rows id<TAB>term<TAB>weight for every non-zero entry in vocabulary order; jsonl"
                + " (--format jsonl): one JSON object per document. Weights are printed as the shortest decimal"
                + " that reads back to the exact double."},
            footer = {"", "Examples:",
                "  classicnlp tfidf transform --model corpus.tfidf --input new.txt",
                "  classicnlp tfidf transform --fit --tokenizer whitespace --input docs/ > vectors.tsv"})
    static final class Transform implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        BatchOptions batch;
        @ArgGroup(exclusive = true, multiplicity = "1")
        ModelChoice choice;
        @Option(names = "--format", paramLabel = "tsv|jsonl", description = "Output format (default: ${DEFAULT-VALUE}).")
        String format = "tsv";
        @Option(names = "--save-model", paramLabel = "MODEL", description = "With --fit: also save the fitted model.")
        Path saveModel;
        @Mixin
        TfidfOptions tfidf;

        static final class ModelChoice {
            @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "A model saved by 'tfidf fit'.")
            Path model;
            @Option(names = "--fit", required = true, description = "Fit on the input first (two passes).")
            boolean fit;
        }

        @Override
        public Integer call() throws IOException {
            boolean jsonl = Check.oneOf("--format", format, OUTPUT_FORMATS).equals("jsonl");
            batch.check();
            if (choice.model != null) {
                rejectVectorizerOptions(spec, "--model");
            }
            TfidfVectorizer vectorizer = choice.model == null ? vectorizer(spec, tfidf, batch) : null;
            if (saveModel != null) {
                if (choice.model != null) {
                    throw Check.usage("--save-model applies with --fit only");
                }
                Check.writable("--save-model", saveModel);
            }
            DocumentSource source = DocumentSource.open(batch.input, batch.inputFormat);
            try {
                transform(source, vectorizer, jsonl);
            } catch (org.classicnlp.core.StableInput.ChangedException e) {
                throw new CliErrors.Failure(e.getMessage() + (saveModel != null && java.nio.file.Files.exists(saveModel)
                        ? "; --save-model " + saveModel + " was fitted on the first read" : "") + PARTIAL_STDOUT);
            }
            return 0;
        }

        private void transform(DocumentSource source, TfidfVectorizer vectorizer, boolean jsonl) throws IOException {
            PrintStream out = System.out;
            ByteRows.Pool pool = new ByteRows.Pool();
            byte[][][] terms = new byte[1][][];
            TfidfModel[] fitted = new TfidfModel[1];
            TfidfVectorizer.VectorBatchWork<Batch> work = rows -> {
                ByteRows text = pool.take();
                for (int i = 0; i < rows.size(); i++) {
                    format(text, rows, i, fitted[0], terms[0], jsonl);
                }
                return new Batch(text, rows.size());
            };
            if (choice.model != null) {
                TfidfModel model = TfidfModel.load(choice.model);
                fitted[0] = model;
                terms[0] = jsonl ? termBytes(model, true) : null;
                try (Progress p = new Progress("transform", source::size, batch.quiet);
                        Stream<Document> docs = source.corpus.stream()) {
                    model.transformAll(docs, batch.threads(), work, r -> emit(out, pool, r, p));
                }
            } else {
                Progress[] bar = {new Progress("fit", source::size, batch.quiet)};
                try {
                    // keep first-pass term counts in up to a quarter of the heap: no second read when it fits
                    vectorizer.fitTransform(source.corpus, Runtime.getRuntime().maxMemory() / 4, bar[0]::step, m -> {
                        bar[0].close();
                        fitted[0] = m;
                        terms[0] = jsonl ? termBytes(m, true) : null;
                        bar[0] = new Progress("transform", m::documentCount, batch.quiet);
                        if (saveModel != null) {
                            m.save(saveModel);
                        }
                    }, work, r -> emit(out, pool, r, bar[0]));
                } finally {
                    bar[0].close();
                }
            }
            out.flush();
            if (out.checkError()) {
                throw new UncheckedIOException(new IOException("error writing to standard output"));
            }
        }
    }

    /** Appended to the error when the input changed after output began: stdout cannot be taken back. */
    static final String PARTIAL_STDOUT = "; any lines already written to standard output are from an incomplete run";

    /** The output formats of transform and keywords. */
    static final List<String> OUTPUT_FORMATS = List.of("tsv", "jsonl");

    static TfidfVectorizer vectorizer(CommandSpec spec, TfidfOptions options, BatchOptions batch) {
        try {
            return options.builder(batch.threads()).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Each term as a UTF-8 JSON string literal, indexed like the vocabulary. */
    static byte[][] termBytes(TfidfModel model, boolean jsonl) {
        byte[][] terms = new byte[model.dimension()][];
        for (int i = 0; i < terms.length; i++) {
            byte[] utf8 = model.term(i).getBytes(StandardCharsets.UTF_8);
            terms[i] = jsonl ? ByteRows.jsonString(utf8) : utf8;
        }
        return terms;
    }

    /** One document's rows: tsv id/term/weight per non-zero, or one JSON object. */
    static void format(ByteRows out, SparseRows rows, int row, TfidfModel model, byte[][] terms, boolean jsonl) {
        int from = rows.start(row);
        int to = rows.end(row);
        if (jsonl) {
            out.ascii("{\"id\":").jsonString(rows.id(row)).ascii(",\"tfidf\":{");
            for (int k = from; k < to; k++) {
                if (k > from) {
                    out.put((byte) ',');
                }
                out.put(terms[rows.index(k)]).put((byte) ':').number(rows.value(k));
            }
            out.ascii("}}\n");
        } else if (to > from) {
            byte[] id = tsvField(rows.id(row));
            for (int k = from; k < to; k++) {
                out.tsvRow(id, model, rows.index(k), rows.value(k));
            }
        }
    }

    static void emit(OutputStream out, ByteRows.Pool pool, Batch r, Progress p) {
        write(out, r.rows);
        pool.give(r.rows);
        p.step(r.documents);
    }

    record Batch(ByteRows rows, int documents) {
    }

    static void write(OutputStream out, ByteRows rows) {
        try {
            rows.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("error writing output: " + e.getMessage(), e);
        }
    }

    /** A document id as a TSV field; ids with tabs or line breaks cannot be written as TSV. */
    static byte[] tsvField(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("document id '" + id.replace("\t", "\\t").replace("\n", "\\n")
                        .replace("\r", "\\r") + "' contains a tab or line break; use --format jsonl");
            }
        }
        return id.getBytes(StandardCharsets.UTF_8);
    }

    static void rejectVectorizerOptions(CommandSpec spec, String because) {
        for (String name : VECTORIZER_OPTIONS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), name
                        + " only applies when fitting; the model given with " + because + " fixes it");
            }
        }
    }
}
