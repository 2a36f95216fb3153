package org.classicnlp.spark;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.ShortestDouble;
import org.classicnlp.core.SparseVector;
import org.classicnlp.core.Hit;
import org.classicnlp.tfidf.KeywordExtractor;
import org.classicnlp.tfidf.Norm;
import org.classicnlp.tfidf.StopWords;
import org.classicnlp.tfidf.TermAnalyzer;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import scala.Tuple2;

/**
 * The batch keywords job, {@code keywords} of the CLI on Spark: document frequencies counted per partition and
 * summed across the cluster, the TF-IDF model fitted from the sums on the driver ({@link
 * TfidfVectorizer#fitCounts}, so it is the model {@code tfidf fit} makes of the same corpus), shipped to the
 * executors as a broadcast ({@link SparkModels}), then the top-k keywords of every document written as JSONL
 * (the lines of {@code keywords --format jsonl}) or Parquet ({@code id string, keywords array<struct<term
 * string, weight double>>}).
 *
 * <pre>
 * spark-submit --class org.classicnlp.spark.KeywordsJob --jars classicnlp.jar classicnlp-spark.jar \
 *     --input hdfs:///corpus.txt --output hdfs:///keywords --top 10
 * </pre>
 *
 * Options (the CLI's names and defaults): {@code --input SRC --output DIR [--top K] [--format jsonl|parquet]
 * [--input-format auto|lines|jsonl] [--tokenizer default|whitespace|english] [--lowercase] [--stop-words zh|en|FILE]
 * [--min-df N|P] [--max-df N|P] [--max-features N] [--ngram MIN,MAX] [--norm l2|l1|none] [--no-idf]
 * [--no-smooth-idf] [--sublinear-tf] [--min-length N] [--exclude zh|en|FILE] [--keep-symbols] [--pos TAGS]
 * [--partitions N] [--save-model FILE] [--master URL]}.
 */
public final class KeywordsJob {

    private KeywordsJob() {
    }

    /** The job's settings: the CLI's keywords options plus where to run. */
    public static final class Options {
        String input;
        String output;
        int top = 10;
        String format = "jsonl";
        String inputFormat = "auto";
        int minLength = 1;
        String exclude;
        boolean keepSymbols;
        List<String> pos = List.of();
        int partitions = 0;
        String saveModel;
        String master;
        final TfidfVectorizer.Builder vectorizer = TfidfVectorizer.builder().tokenizer("default").lowercase(false);

        /** Parses the command line; bad values throw {@link IllegalArgumentException} naming the option. */
        public static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--input", "-i" -> o.input = value(args, ++i, a);
                    case "--output", "-o" -> o.output = value(args, ++i, a);
                    case "--top", "-k" -> o.top = atLeast(a, integer(a, value(args, ++i, a)), 1);
                    case "--format" -> o.format = oneOf(a, value(args, ++i, a), List.of("jsonl", "parquet"));
                    case "--input-format" -> o.inputFormat = oneOf(a, value(args, ++i, a), List.of("auto", "lines", "jsonl"));
                    case "--tokenizer" -> o.vectorizer.tokenizer(oneOf(a, value(args, ++i, a),
                            List.of("default", "whitespace", "english")));
                    case "--lowercase" -> o.vectorizer.lowercase(true);
                    case "--stop-words" -> o.vectorizer.stopWords(StopWords.byName(value(args, ++i, a)));
                    case "--min-df" -> {
                        String v = value(args, ++i, a);
                        if (proportion(v)) {
                            o.vectorizer.minDf(number(a, v));
                        } else {
                            o.vectorizer.minDf(atLeast(a, integer(a, v), 0));
                        }
                    }
                    case "--max-df" -> {
                        String v = value(args, ++i, a);
                        if (proportion(v)) {
                            o.vectorizer.maxDf(number(a, v));
                        } else {
                            o.vectorizer.maxDf(atLeast(a, integer(a, v), 0));
                        }
                    }
                    case "--max-features" -> o.vectorizer.maxFeatures(atLeast(a, integer(a, value(args, ++i, a)), 1));
                    case "--ngram" -> {
                        String v = value(args, ++i, a);
                        String[] r = v.split(",");
                        if (r.length != 2) {
                            throw new IllegalArgumentException("--ngram must be MIN,MAX with 1 <= MIN <= MAX, got '" + v + "'");
                        }
                        int min = atLeast("--ngram MIN", integer(a, r[0].trim()), 1);
                        o.vectorizer.ngramRange(min, atLeast("--ngram MAX", integer(a, r[1].trim()), min));
                    }
                    case "--norm" -> o.vectorizer.norm(Norm.parse(oneOf(a, value(args, ++i, a), List.of("l2", "l1", "none"))));
                    case "--no-idf" -> o.vectorizer.useIdf(false);
                    case "--no-smooth-idf" -> o.vectorizer.smoothIdf(false);
                    case "--sublinear-tf" -> o.vectorizer.sublinearTf(true);
                    case "--min-length" -> o.minLength = atLeast(a, integer(a, value(args, ++i, a)), 1);
                    case "--exclude" -> o.exclude = value(args, ++i, a);
                    case "--keep-symbols" -> o.keepSymbols = true;
                    case "--pos" -> o.pos = List.of(value(args, ++i, a).split(","));
                    case "--partitions" -> o.partitions = atLeast(a, integer(a, value(args, ++i, a)), 1);
                    case "--save-model" -> o.saveModel = value(args, ++i, a);
                    case "--master" -> o.master = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'; expected --input SRC"
                            + " --output DIR [--top K] [--format jsonl|parquet] and the keywords options");
                }
            }
            if (o.input == null || o.output == null) {
                throw new IllegalArgumentException("--input SRC and --output DIR are required");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static boolean proportion(String s) {
            return s.contains(".") || s.toLowerCase(java.util.Locale.ROOT).contains("e");
        }

        private static int integer(String option, String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be an integer, got '" + s + "'");
            }
        }

        private static double number(String option, String s) {
            try {
                double d = Double.parseDouble(s);
                if (!(d >= 0 && d <= 1)) {
                    throw new IllegalArgumentException(option + " as a proportion must be in [0, 1], got " + s);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a number, got '" + s + "'");
            }
        }

        private static int atLeast(String option, int v, int min) {
            if (v < min) {
                throw new IllegalArgumentException(option + " must be >= " + min + ", got " + v);
            }
            return v;
        }

        private static String oneOf(String option, String v, List<String> allowed) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
            }
            return v;
        }
    }

    /** spark-submit entry point; bad options print one {@code error:} line and exit 2 (as the CLI does). */
    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("classicnlp keywords");
        if (o.master != null) {
            b.master(o.master);
        }
        SparkSession spark = b.getOrCreate();
        try {
            run(spark, o);
        } finally {
            spark.stop();
        }
    }

    /** Runs the job in {@code spark}: fit from the input, then write every document's keywords to {@code --output}. */
    public static void run(SparkSession spark, Options o) {
        requireAbsent(spark, o.output);
        int partitions = o.partitions > 0 ? o.partitions : spark.sparkContext().defaultParallelism();
        JavaRDD<Tuple2<String, String>> docs = SparkCorpora.documents(spark, o.input,
                SparkCorpora.format(o.input, o.inputFormat), partitions);
        TfidfModel fitted = fit(docs, o.vectorizer.build());
        if (o.saveModel != null) {
            fitted.save(java.nio.file.Path.of(o.saveModel));
        }
        TfidfModel shipped = SparkModels.broadcast(spark, fitted);
        List<String> exclude = o.exclude == null ? List.of() : List.copyOf(StopWords.byName(o.exclude));
        Extraction settings = new Extraction(o.top, o.minLength, exclude, !o.keepSymbols, o.pos);
        JavaRDD<Tuple2<String, List<Hit>>> keywords = keywords(docs, shipped, settings);
        if (o.format.equals("parquet")) {
            toDataFrame(spark, keywords).write().parquet(o.output);
        } else {
            keywords.map(t -> KeywordsJsonl.line(t._1(), t._2())).saveAsTextFile(o.output);
        }
    }

    /** What the CLI's keywords options set on the extractor; serialisable, so each partition builds its own. */
    public record Extraction(int top, int minLength, List<String> exclude, boolean skipNonWords, List<String> pos)
            implements java.io.Serializable {

        /** Only words tagged with one of {@code pos} (the shipped Chinese tagger) may be keywords; empty: any. */
        public Extraction {
            exclude = List.copyOf(exclude);
            pos = List.copyOf(pos);
        }

        KeywordExtractor extractor(TfidfModel model) {
            KeywordExtractor.Builder b = KeywordExtractor.builder(model).top(top).minLength(minLength)
                    .unseen(KeywordExtractor.Unseen.IGNORE).skipNonWords(skipNonWords);
            if (!exclude.isEmpty()) {
                b.stopWords(exclude);
            }
            if (!pos.isEmpty()) {
                b.allowedTags(pos);
            }
            return b.build();
        }
    }

    /**
     * Fits {@code vectorizer} on the documents (id, text) across the cluster: each partition counts its
     * terms' document frequencies and totals, Spark sums them by term, the driver makes the model of the sums.
     * Equal to {@code vectorizer.fit} of the same documents on one machine.
     */
    public static TfidfModel fit(JavaRDD<Tuple2<String, String>> docs, TfidfVectorizer vectorizer) {
        TermAnalyzer local = vectorizer.analyzer();
        Analyzer analyzer = local.analyzer();
        int ngramMin = local.ngramMin();
        int ngramMax = local.ngramMax();
        List<Tuple2<String, long[]>> counts = docs.mapPartitionsToPair(it -> {
            TermAnalyzer terms = new TermAnalyzer(analyzer, ngramMin, ngramMax);
            Map<String, long[]> m = new HashMap<>();
            Set<String> seen = new HashSet<>();
            while (it.hasNext()) {
                seen.clear();
                for (String t : terms.terms(it.next()._2())) {
                    long[] c = m.computeIfAbsent(t, k -> new long[2]);
                    c[1]++;
                    if (seen.add(t)) {
                        c[0]++;
                    }
                }
            }
            List<Tuple2<String, long[]>> out = new ArrayList<>(m.size());
            m.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
            return out.iterator();
        }).reduceByKey((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}).collect();
        long documents = docs.count();
        List<String> terms = new ArrayList<>(counts.size());
        long[] df = new long[counts.size()];
        long[] tf = new long[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            terms.add(counts.get(i)._1());
            df[i] = counts.get(i)._2()[0];
            tf[i] = counts.get(i)._2()[1];
        }
        return vectorizer.fitCounts(documents, terms, df, tf);
    }

    /** The keywords of every document, with a model that ships by reference (loaded once per executor). */
    public static JavaRDD<Tuple2<String, List<Hit>>> keywords(JavaRDD<Tuple2<String, String>> docs,
            TfidfModel model, Extraction settings) {
        return docs.mapPartitions(it -> {
            KeywordExtractor extractor = settings.extractor(model);
            return new Iterator<Tuple2<String, List<Hit>>>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Tuple2<String, List<Hit>> next() {
                    Tuple2<String, String> d = it.next();
                    return new Tuple2<>(d._1(), List.copyOf(extractor.extract(d._2())));
                }
            };
        });
    }

    /**
     * Every document's TF-IDF weights as the rows of {@code tfidf transform --format tsv}: {@code id TAB term
     * TAB weight}, one per non-zero entry, in index order within a document.
     */
    public static JavaRDD<String> tfidfRows(JavaRDD<Tuple2<String, String>> docs, TfidfModel model) {
        return docs.flatMap(d -> {
            SparseVector v = model.transform(d._2());
            List<String> rows = new ArrayList<>(v.size());
            for (int k = 0; k < v.size(); k++) {
                StringBuilder sb = new StringBuilder(d._1()).append('\t').append(model.term(v.indexAt(k))).append('\t');
                rows.add(ShortestDouble.append(sb, v.valueAt(k)).toString());
            }
            return rows.iterator();
        });
    }

    /** The Parquet layout: {@code id string, keywords array<struct<term string, weight double>>}. */
    public static Dataset<Row> toDataFrame(SparkSession spark, JavaRDD<Tuple2<String, List<Hit>>> keywords) {
        StructType keyword = new StructType().add("term", DataTypes.StringType, false)
                .add("weight", DataTypes.DoubleType, false);
        StructType schema = new StructType().add("id", DataTypes.StringType, false)
                .add("keywords", DataTypes.createArrayType(keyword, false), false);
        JavaRDD<Row> rows = keywords.map(t -> {
            List<Row> kws = new ArrayList<>(t._2().size());
            for (Hit k : t._2()) {
                kws.add(RowFactory.create(k.id(), k.score()));
            }
            return RowFactory.create(t._1(), TextColumns.seq(kws));
        });
        return spark.createDataFrame(rows, schema);
    }

    private static void requireAbsent(SparkSession spark, String output) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(output);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                throw new IllegalArgumentException("--output " + output + " exists; the job writes a new directory of"
                        + " part files (remove it or choose another)");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check --output " + output + ": " + e.getMessage(), e);
        }
    }

    /** The model's file bytes (as {@code tfidf fit} would save them), for comparisons. */
    static byte[] modelBytes(TfidfModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }
}
