package org.classicnlp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classicnlp.index.Bm25Index;
import org.classicnlp.index.SemanticIndex;
import org.classicnlp.index.VectorIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {"Embeds every document and writes an index directory: index.properties (the embedder "
                + "name, resolved again by 'index search') and vectors.vindex, or bm25.bin for --embedder bm25."},
        footer = {"", "Example:", "  java -jar classicnlp.jar index build --embedder w2v-mean-zh --input news.txt --output idx"})
final class IndexBuildCommand implements Callable<Integer> {

    static final String PROPERTIES = "index.properties";
    static final String VECTORS = "vectors.vindex";
    static final String BM25 = "bm25.bin";

    @Option(names = "--embedder", required = true, paramLabel = "NAME|FILE",
            description = "An embedder name or model file (see Embedders), or bm25 for a BM25 index.")
    String embedder;

    @Option(names = "--input", required = true, paramLabel = "SRC",
            description = "Documents: text file (one per line, id = 0-based line number), JSONL, directory, or - for stdin.")
    String input;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, lines, jsonl, dir, ... (default: ${DEFAULT-VALUE}).")
    String inputFormat;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Index directory (created).")
    Path output;

    @Option(names = "--hnsw", description = "Also build an HNSW graph (Lucene) for approximate search.")
    boolean hnsw;

    @Option(names = "--hnsw-m", paramLabel = "M", defaultValue = "16", description = "HNSW neighbours per node (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--hnsw-ef-construction", paramLabel = "N", defaultValue = "100", description = "HNSW build beam (default: ${DEFAULT-VALUE}).")
    int efConstruction;

    @Option(names = "--hnsw-ef-search", paramLabel = "N", defaultValue = "100", description = "HNSW search beam, stored with the index (default: ${DEFAULT-VALUE}).")
    int efSearch;

    @Option(names = "--with-bm25", description = "With an embedder: also write bm25.bin, for 'index search --hybrid W'.")
    boolean withBm25;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CliErrors.Failure("--output " + output + ": is not a directory");
        }
        DocumentSource source = DocumentSource.open(input, inputFormat);
        Files.createDirectories(output);
        String kind;
        if (embedder.equals(EmbedderOption.BM25)) {
            Bm25Index.fit(source.corpus, Bm25Index.defaultAnalyzer()).save(output.resolve(BM25));
            Files.deleteIfExists(output.resolve(VECTORS));
            kind = "bm25";
        } else {
            var e = EmbedderOption.resolve(embedder);
            VectorIndex.HnswParams params = hnsw ? new VectorIndex.HnswParams(Check.atLeast("--hnsw-m", m, 2),
                    Check.atLeast("--hnsw-ef-construction", efConstruction, 1),
                    Check.atLeast("--hnsw-ef-search", efSearch, 1), 42) : null;
            SemanticIndex index = SemanticIndex.build(source.corpus, e, params);
            if (index.vectors().size() == 0) {
                throw new CliErrors.Failure("--input " + input + ": no documents");
            }
            index.vectors().save(output.resolve(VECTORS));
            if (withBm25) {
                Bm25Index.fit(source.corpus, Bm25Index.defaultAnalyzer()).save(output.resolve(BM25));
            } else {
                Files.deleteIfExists(output.resolve(BM25));
            }
            kind = "dense";
        }
        String embedderRef = embedder;
        if (!embedder.equals(EmbedderOption.BM25) && Files.isRegularFile(Path.of(embedder))) {
            embedderRef = Path.of(embedder).toAbsolutePath().toString(); // search may run from elsewhere
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("kind", kind);
        p.setProperty("embedder", embedderRef);
        try (var w = Files.newBufferedWriter(output.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.store(w, "classicnlp index");
        }
        return 0;
    }
}
