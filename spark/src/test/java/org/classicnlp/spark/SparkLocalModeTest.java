package org.classicnlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.ModelCache;
import org.classicnlp.core.Token;
import org.classicnlp.pos.Taggers;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import org.classicnlp.tfidf.TfidfModel;
import org.classicnlp.tfidf.TfidfVectorizer;
import org.classicnlp.word2vec.MeanEmbedder;
import org.classicnlp.word2vec.WordVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;

/**
 * The Spark side in local mode ({@code local[2]}) against the single-machine CLI ({@code target/classicnlp.jar},
 * run as a separate process) on a 10,000-line corpus made from the project's own samples in {@code corpora/}:
 * keywords, TF-IDF weights and the fitted model equal byte for byte after sorting, segmentation equals {@code
 * segment}, and every model loads once per JVM however many tasks use it.
 */
class SparkLocalModeTest {

    static SparkSession spark;
    static Path work;
    static Path corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("classicnlp-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        work = Files.createTempDirectory("classicnlp-spark-test");
        corpus = work.resolve("corpus-10k.txt");
        Files.write(corpus, tenThousandLines(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    static Path corpora(String name) {
        return Path.of(System.getProperty("classicnlp.corpora", "../corpora")).resolve(name);
    }

    /**
     * 10,000 lines: the Chinese, mixed and English sample lines of corpora/, each line i joining two of them
     * (so most lines differ), with a blank line every 997 lines (the CLI keeps blank documents).
     */
    static List<String> tenThousandLines() throws IOException {
        List<String> pool = new ArrayList<>();
        for (String f : List.of("news-zh-en.txt", "sample-zh-en.txt", "tfidf-sample.txt", "w2v-toy.txt",
                "words-sample.txt")) {
            for (String l : Files.readAllLines(corpora(f), StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    pool.add(l.strip());
                }
            }
        }
        List<String> lines = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            if (i % 997 == 996) {
                lines.add("");
            } else {
                lines.add(pool.get(i % pool.size()) + " " + pool.get((i * 7919 + 13) % pool.size()));
            }
        }
        return lines;
    }

    /** Runs the CLI jar; returns its standard output's lines. */
    static List<String> cli(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("classicnlp.cliJar", "../target/classicnlp.jar"));
        assertTrue(Files.isRegularFile(jar), "the CLI jar " + jar + " is built first (mvn package at the root)");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(work, "cli-", ".out");
        Path err = Files.createTempFile(work, "cli-", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "CLI timed out: " + cmd);
        assertEquals(0, p.exitValue(), "CLI " + cmd + " failed: " + Files.readString(err));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** Every line of the part files under {@code dir}. */
    static List<String> parts(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        Collections.sort(s);
        return s;
    }

    @Test
    void keywordsJobEqualsTheCliByteForByte() throws Exception {
        List<String> expected = cli("keywords", "--input", corpus.toString(), "--format", "jsonl", "--top", "5", "--quiet");
        assertEquals(10_000, expected.size());
        Path out = dir.resolve("keywords");
        KeywordsJob.run(spark, KeywordsJob.Options.parse("--input", corpus.toString(), "--output", out.toString(),
                "--top", "5", "--partitions", "6"));
        List<String> actual = parts(out);
        assertTrue(Files.list(out).filter(f -> f.getFileName().toString().startsWith("part-")).count() > 1,
                "several part files");
        assertEquals(sorted(expected), sorted(actual));
        // the output directory exists now: a second run refuses it rather than mixing part files
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeywordsJob.run(spark,
                KeywordsJob.Options.parse("--input", corpus.toString(), "--output", out.toString())));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
    }

    @Test
    void keywordsJobWithCliOptionsOnJsonlEqualsTheCli() throws Exception {
        Path jsonl = dir.resolve("docs.jsonl");
        List<String> lines = new ArrayList<>();
        List<String> text = tenThousandLines().subList(0, 2_000);
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).isEmpty()) {
                lines.add("");
                continue;
            }
            String escaped = text.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
            lines.add(i % 3 == 0 ? "{\"text\": \"" + escaped + "\"}" : "{\"id\": \"d" + i + "\", \"text\": \"" + escaped + "\", \"n\": 1}");
        }
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        String[] options = {"--tokenizer", "english", "--lowercase", "--stop-words", "en", "--ngram", "1,2",
            "--min-df", "2", "--max-df", "0.9", "--sublinear-tf", "--top", "4", "--min-length", "2", "--exclude", "zh"};
        List<String> cliArgs = new ArrayList<>(List.of("keywords", "--input", jsonl.toString(), "--format", "jsonl", "--quiet"));
        cliArgs.addAll(List.of(options));
        List<String> expected = cli(cliArgs.toArray(new String[0]));
        Path out = dir.resolve("kw-jsonl");
        List<String> jobArgs = new ArrayList<>(List.of("--input", jsonl.toString(), "--output", out.toString(), "--partitions", "3"));
        jobArgs.addAll(List.of(options));
        KeywordsJob.run(spark, KeywordsJob.Options.parse(jobArgs.toArray(new String[0])));
        assertEquals(sorted(expected), sorted(parts(out)));
    }

    @Test
    void fittedModelAndTfidfWeightsEqualTheCli() throws Exception {
        Path cliModel = dir.resolve("cli.tfidf");
        cli("tfidf", "fit", "--input", corpus.toString(), "--out", cliModel.toString(), "--quiet");
        JavaRDD<Tuple2<String, String>> docs = SparkCorpora.documents(spark, corpus.toString(),
                SparkCorpora.Format.LINES, 5);
        TfidfModel fitted = KeywordsJob.fit(docs, TfidfVectorizer.builder().tokenizer("default").lowercase(false).build());
        assertArrayEquals(Files.readAllBytes(cliModel), KeywordsJob.modelBytes(fitted), "model file bytes");

        List<String> expected = cli("tfidf", "transform", "--fit", "--input", corpus.toString(), "--format", "tsv", "--quiet");
        List<String> actual = KeywordsJob.tfidfRows(docs, SparkModels.broadcast(spark, fitted)).collect();
        assertTrue(expected.size() > 50_000, expected.size() + " rows");
        assertEquals(sorted(expected), sorted(actual));
    }

    @Test
    void parquetOutputHoldsTheSameKeywords() throws Exception {
        Path small = dir.resolve("small.txt");
        Files.write(small, tenThousandLines().subList(0, 300), StandardCharsets.UTF_8);
        Path jsonOut = dir.resolve("kw-json");
        Path parquetOut = dir.resolve("kw-parquet");
        KeywordsJob.run(spark, KeywordsJob.Options.parse("--input", small.toString(), "--output", jsonOut.toString(), "--top", "3"));
        Path posOut = dir.resolve("kw-pos");
        KeywordsJob.run(spark, KeywordsJob.Options.parse("--input", small.toString(), "--output", posOut.toString(),
                "--top", "5", "--stop-words", "zh,en", "--pos", "n,nr,ns,nt,nz,v,vn"));
        assertEquals(sorted(cli("keywords", "--input", small.toString(), "--format", "jsonl", "--top", "5", "--stop-words",
                "zh,en", "--pos", "n,nr,ns,nt,nz,v,vn", "--quiet")), sorted(parts(posOut)), "the README's main command");
        KeywordsJob.run(spark, KeywordsJob.Options.parse("--input", small.toString(), "--output", parquetOut.toString(),
                "--top", "3", "--format", "parquet"));
        Dataset<Row> rows = spark.read().parquet(parquetOut.toString());
        assertEquals("struct<id:string,keywords:array<struct<term:string,weight:double>>>", rows.schema().simpleString());
        List<String> fromParquet = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            List<org.classicnlp.core.Hit> kws = new ArrayList<>();
            for (Row k : r.<Row>getList(1)) {
                kws.add(new org.classicnlp.core.Hit(k.getString(0), k.getDouble(1)));
            }
            fromParquet.add(KeywordsJsonl.line(r.getString(0), kws));
        }
        assertEquals(300, fromParquet.size());
        assertEquals(sorted(parts(jsonOut)), sorted(fromParquet));
    }

    static Dataset<Row> textFrame(List<String> lines, int partitions) {
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            rows.add(RowFactory.create((long) i, lines.get(i)));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType, false).add("text", DataTypes.StringType, true);
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    /** Counts the runs of the shipped segmenter's factory (static: the factory must not capture the test). */
    static final class Loads {
        static final AtomicInteger SEGMENTER = new AtomicInteger();
    }

    @Test
    void segmentationOfTenThousandLinesEqualsTheCliAndLoadsTheSegmenterOncePerJvm() throws Exception {
        List<String> expected = cli("segment", corpus.toString());
        List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        assertEquals(10_000, expected.size());

        ModelCache.clear(); // as a fresh executor: nothing loaded
        long before = ModelCache.loads("segmenter");
        int factoryBefore = Loads.SEGMENTER.get();
        Segmenter shipped = Segmenters.shipped("spark-test-standard", () -> {
            Loads.SEGMENTER.incrementAndGet();
            return Segmenters.byName("standard");
        });
        Dataset<Row> frame = textFrame(lines, 8);
        Dataset<Row> segmented = new SegmentTransformer("text", "words", shipped).transform(frame);
        assertEquals(8, segmented.javaRDD().getNumPartitions());
        List<String> actual = segmented.orderBy("id").collectAsList().stream()
                .map(r -> String.join(" ", r.<String>getList(2))).collect(Collectors.toList());
        assertEquals(expected, actual);
        assertEquals(1, Loads.SEGMENTER.get() - factoryBefore, "the segmenter is made once for 8 tasks and 10,000 records");
        assertEquals(1, ModelCache.loads("segmenter") - before);

        // the built-in segmenter, shipped by name, gives the same words
        List<String> viaName = new SegmentTransformer().transform(frame).orderBy("id").collectAsList().stream()
                .map(r -> String.join(" ", r.<String>getList(2))).collect(Collectors.toList());
        assertEquals(expected, viaName);
        assertTrue(ModelCache.loads("segmenter") - before <= 2, "one more load at most: the standard segmenter by name");
    }

    @Test
    void taggingTransformerEqualsTheLocalAnalyzerAndLoadsTheTaggerOnce() throws Exception {
        List<String> lines = tenThousandLines().subList(0, 400);
        Analyzer tagging = Taggers.chineseAnalyzer(List.of());
        ModelCache.clear();
        long before = ModelCache.loads("tagger");
        Dataset<Row> tagged = new TagTransformer("text", "tokens", tagging).transform(textFrame(lines, 4));
        List<Row> rows = tagged.orderBy("id").collectAsList();
        assertEquals(1, ModelCache.loads("tagger") - before, "one tagger load for 4 tasks and 400 records");
        for (int i = 0; i < lines.size(); i++) {
            List<Token> local = tagging.analyze(lines.get(i));
            List<Row> remote = rows.get(i).getList(2);
            assertEquals(local.size(), remote.size(), lines.get(i));
            for (int k = 0; k < local.size(); k++) {
                Row t = remote.get(k);
                assertEquals(local.get(k), new Token(t.getString(0), t.getInt(3), t.getInt(4), t.getString(2), t.getString(1)));
            }
        }
    }

    @Test
    void mllibWord2VecModelLoadsIntoWordVectorsAndEmbeds() throws Exception {
        List<String> toy = Files.readAllLines(corpora("w2v-toy.txt"), StandardCharsets.UTF_8);
        List<Row> sentences = new ArrayList<>();
        for (String l : toy) {
            sentences.add(RowFactory.create(List.of(l.strip().split("\\s+"))));
        }
        Dataset<Row> df = spark.createDataFrame(sentences, new StructType().add("words",
                DataTypes.createArrayType(DataTypes.StringType), false));
        Word2VecModel model = new Word2Vec().setInputCol("words").setOutputCol("v").setVectorSize(8).setMinCount(1)
                .setMaxIter(1).setSeed(7).setNumPartitions(1).fit(df);
        WordVectors vectors = SparkVectors.fromWord2VecModel(model);
        List<Row> native_ = model.getVectors().collectAsList();
        assertEquals(native_.size(), vectors.size());
        for (Row r : native_) {
            double[] expected = ((org.apache.spark.ml.linalg.Vector) r.get(1)).toArray();
            float[] got = vectors.vector(r.getString(0)).toFloatArray();
            for (int c = 0; c < expected.length; c++) {
                assertEquals((float) expected[c], got[c], 0f, r.getString(0));
            }
        }
        // the RDD-API model converts the same way
        WordVectors viaRdd = SparkVectors.fromWord2VecModel(new org.apache.spark.mllib.feature.Word2VecModel(
                scala.jdk.javaapi.CollectionConverters.asScala(vectorMap(vectors)).toMap(scala.$less$colon$less$.MODULE$.refl())));
        assertEquals(vectors.words(), viaRdd.words());

        ModelCache.clear();
        long before = ModelCache.loads("vectors");
        WordVectors shipped = SparkModels.broadcast(spark, vectors);
        MeanEmbedder embedder = new MeanEmbedder(shipped, Analyzer.whitespace());
        MeanEmbedder local = new MeanEmbedder(vectors, Analyzer.whitespace());
        List<String> lines = toy.subList(0, 200);
        List<Row> rows = new EmbedTransformer("text", "embedding", embedder).transform(textFrame(lines, 4))
                .orderBy("id").collectAsList();
        assertEquals(1, ModelCache.loads("vectors") - before, "the broadcast vectors load once in this JVM");
        for (int i = 0; i < lines.size(); i++) {
            float[] want = local.embed(lines.get(i)).toFloatArray();
            double[] got = ((org.apache.spark.ml.linalg.Vector) rows.get(i).get(2)).toArray();
            for (int c = 0; c < want.length; c++) {
                assertEquals(want[c], (float) got[c], 0f);
            }
        }
    }

    static java.util.Map<String, float[]> vectorMap(WordVectors v) {
        java.util.Map<String, float[]> m = new java.util.HashMap<>();
        for (String w : v.words()) {
            m.put(w, v.vector(w).toFloatArray());
        }
        return m;
    }

    @Test
    void biggerChineseWikipediaSliceFromSharedDataWhenPresent() throws Exception {
        String configured = System.getProperty("classicnlp.data", System.getenv("CLASSICNLP_DATA"));
        Path data = Path.of(configured == null || configured.isBlank() ? "../../shared/data" : configured);
        Path wiki = data.resolve("zh-text/AA/wiki_00.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(wiki),
                "skipped: " + wiki + " is missing (the shared data directory; set -Dclassicnlp.data=DIR)");
        Path sample = dir.resolve("wiki-zh-30k.txt");
        try (Stream<org.classicnlp.core.Document> s = org.classicnlp.core.Corpora.wikiExtractor(wiki).stream()) {
            Files.write(sample, s.limit(30_000).map(d -> d.text().replace('\r', ' ').replace('\n', ' ')).toList(),
                    StandardCharsets.UTF_8);
        }
        List<String> expected = cli("keywords", "--input", sample.toString(), "--format", "jsonl", "--quiet");
        Path out = dir.resolve("wiki-kw");
        KeywordsJob.run(spark, KeywordsJob.Options.parse("--input", sample.toString(), "--output", out.toString(),
                "--partitions", "4"));
        assertEquals(sorted(expected), sorted(parts(out)));
    }
}
