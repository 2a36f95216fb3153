package org.classicnlp.spark;

import org.apache.spark.sql.SparkSession;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import scala.Tuple2;

/**
 * {@code segment} on Spark: every line of the input, its words separated by single spaces (blank lines kept),
 * written as text part files. Lines keep their order within and across part files (part-00000 first).
 *
 * <pre>
 * spark-submit --class org.classicnlp.spark.SegmentJob --jars classicnlp.jar classicnlp-spark.jar \
 *     --input hdfs:///raw.txt --output hdfs:///segmented [--algo standard|fmm|bmm|bimm|hmm|hybrid]
 * </pre>
 */
public final class SegmentJob {

    private SegmentJob() {
    }

    public static void main(String[] args) {
        String input = null;
        String output = null;
        String algo = "standard";
        String master = null;
        int partitions = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--input", "-i" -> input = arg(args, ++i, "--input");
                    case "--output", "-o" -> output = arg(args, ++i, "--output");
                    case "--algo" -> algo = arg(args, ++i, "--algo");
                    case "--master" -> master = arg(args, ++i, "--master");
                    case "--partitions" -> partitions = Integer.parseInt(arg(args, ++i, "--partitions"));
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; expected --input SRC --output DIR [--algo NAME] [--partitions N] [--master URL]");
                }
            }
            if (input == null || output == null) {
                throw new IllegalArgumentException("--input SRC and --output DIR are required");
            }
            Segmenters.byName(algo);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("classicnlp segment");
        if (master != null) {
            b.master(master);
        }
        SparkSession spark = b.getOrCreate();
        try {
            Segmenter seg = Segmenters.byName(algo);
            int n = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
            SparkCorpora.documents(spark, input, SparkCorpora.Format.LINES, n)
                    .map(Tuple2::_2).map(line -> String.join(" ", seg.words(line))).saveAsTextFile(output);
        } finally {
            spark.stop();
        }
    }

    private static String arg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
