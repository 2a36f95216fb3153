package org.classicnlp.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Document;
import org.classicnlp.core.InputFormat;
import org.classicnlp.core.TextFiles;
import scala.Tuple2;

/**
 * Documents as (id, text) pairs read the way the CLI reads them ({@link Corpora}): plain lines (one document
 * per line, blank lines included, id = 0-based line number, a leading BOM dropped) or JSONL ({@code id},
 * {@code text}; blank lines skipped; id = 0-based line number when absent), from any path Spark reads
 * (local, HDFS, S3; a directory or glob of part files reads as their concatenation in name order).
 */
public final class SparkCorpora {

    /** The input formats a Spark job reads. */
    public enum Format { LINES, JSONL }

    private SparkCorpora() {
    }

    /**
     * {@code format} {@code auto} as the CLI's auto on a local file ({@link Corpora#detect}); elsewhere by
     * the name ({@code .jsonl}, {@code .jsonl.gz}: JSONL, else lines).
     */
    public static Format format(String input, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "lines":
                return Format.LINES;
            case "jsonl":
                return Format.JSONL;
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("--input-format must be auto, lines or jsonl, got '" + format + "'");
        }
        Path local = input.contains("://") ? null : Path.of(input);
        if (local != null && Files.isRegularFile(local)) {
            InputFormat f = Corpora.detect(local);
            if (f == InputFormat.JSONL) {
                return Format.JSONL;
            }
            if (f != InputFormat.LINES) {
                throw new IllegalArgumentException(input + " reads as " + f + " here; the Spark jobs read lines or jsonl"
                        + " (give --input-format lines to read it as plain lines)");
            }
            return Format.LINES;
        }
        String name = input.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") ? Format.JSONL : Format.LINES;
    }

    /** The documents of {@code input} as (id, text), in at least {@code partitions} partitions. */
    public static JavaRDD<Tuple2<String, String>> documents(SparkSession spark, String input, Format format,
            int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Tuple2<String, Long>> lines = jsc.textFile(input, partitions).zipWithIndex().map(t -> t);
        if (format == Format.LINES) {
            return lines.map(t -> new Tuple2<>(Long.toString(t._2()), t._2() == 0 ? stripBom(t._1()) : t._1()));
        }
        String name = input.contains("://") ? input.substring(input.lastIndexOf('/') + 1) : input;
        return lines.filter(t -> !t._1().isBlank()).map(t -> {
            Document d = Corpora.parseJsonLine(Path.of(name),
                    new TextFiles.NumberedLine(t._2() + 1, t._2() == 0 ? stripBom(t._1()) : t._1()));
            return new Tuple2<>(d.id(), d.text());
        });
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
