package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.classify.KMeansClustering;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.FeatureVector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cluster",
        mixinStandardHelpOptions = true,
        description = {"k-means (Smile) on an embedder's document vectors: prints doc_id<TAB>cluster per document, or "
                + "with --eval (documents with a label field) one line purity<TAB>nmi<TAB>documents."},
        footer = {"", "Example:", "  java -jar classicnlp.jar cluster --k 20 --embedder w2v-sif-en --input docs.jsonl"})
final class ClusterCommand implements Callable<Integer> {

    @Option(names = "--k", required = true, paramLabel = "K", description = "Number of clusters.")
    int k;

    @Option(names = "--embedder", required = true, paramLabel = "NAME|FILE", description = "Embedder name or model file.")
    String embedder;

    @Option(names = "--input", required = true, paramLabel = "SRC", description = "Documents: text file, JSONL, directory or -.")
    String input;

    @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT", description = "Default: ${DEFAULT-VALUE}.")
    String inputFormat;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the k-means++ start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval", description = "Print purity and NMI against the documents' label field instead of the clusters.")
    boolean eval;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.atLeast("--k", k, 1);
        Embedder e = EmbedderOption.resolve(embedder);
        List<Document> docs = new ArrayList<>();
        DocumentSource.open(input, inputFormat).corpus.forEach(docs::add);
        if (docs.size() < k) {
            throw new CliErrors.Failure("--input " + input + ": " + docs.size() + " documents, fewer than --k " + k);
        }
        List<FeatureVector> vectors = e.embedAll(docs);
        KMeansClustering c = KMeansClustering.fit(vectors, k, seed);
        Writer out = CliIO.stdout();
        if (eval) {
            List<String> labels = new ArrayList<>(docs.size());
            for (Document d : docs) {
                String l = d.metadata().get("label");
                if (l == null) {
                    throw new CliErrors.Failure("--eval: document '" + d.id() + "' has no label field");
                }
                labels.add(l);
            }
            out.write(String.format(Locale.ROOT, "%.4f\t%.4f\t%d%n", KMeansClustering.purity(c.assignments(), labels),
                    KMeansClustering.nmi(c.assignments(), labels), docs.size()));
        } else {
            for (int i = 0; i < docs.size(); i++) {
                out.write(docs.get(i).id() + "\t" + c.assignments()[i] + "\n");
            }
        }
        out.flush();
        return 0;
    }
}
