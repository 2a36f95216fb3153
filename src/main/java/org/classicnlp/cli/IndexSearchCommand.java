package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.classicnlp.core.Hit;
import org.classicnlp.core.TextFiles;
import org.classicnlp.index.Bm25Index;
import org.classicnlp.index.SemanticIndex;
import org.classicnlp.index.TextSearcher;
import org.classicnlp.index.VectorIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search",
        mixinStandardHelpOptions = true,
        description = {"Prints query_id<TAB>rank<TAB>doc_id<TAB>score per hit (rank from 1, best first). query_id is the "
                + "0-based line number in --queries FILE, else the position of the QUERY argument from 0. Scores: cosine "
                + "for an embedder's index, BM25 for a bm25 index."},
        footer = {"", "Example:", "  java -jar classicnlp.jar index search --index idx --queries questions.txt --top 3"})
final class IndexSearchCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "A directory written by 'index build'.")
    Path index;

    @Option(names = {"-k", "--top"}, defaultValue = "10", description = "Hits per query (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--queries", paramLabel = "FILE", description = "One query per line (- for stdin).")
    Path queries;

    @Option(names = "--exact", description = "Exact search even when the index has an HNSW graph.")
    boolean exact;

    @Option(names = "--hybrid", paramLabel = "W", description = "Hybrid ranking W·cosine + (1−W)·BM25/max (index built with --with-bm25).")
    Double hybrid;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Queries (when no --queries).")
    List<String> queryArgs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (this command prints no progress).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.atLeast("--top", top, 1);
        if ((queries == null) == queryArgs.isEmpty()) {
            throw new CliErrors.Usage("give either --queries FILE or QUERY arguments");
        }
        TextSearcher searcher = open(index);
        List<String> qs = queryArgs;
        if (queries != null) {
            if (!queries.toString().equals("-")) {
                Check.exists("--queries", queries);
            }
            qs = new ArrayList<>();
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(CliIO.inputStream(queries),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    qs.add(line);
                }
            }
        }
        Writer out = CliIO.stdout();
        for (int q = 0; q < qs.size(); q++) {
            int rank = 1;
            for (Hit h : searcher.search(qs.get(q), top)) {
                out.write(q + "\t" + rank++ + "\t" + h.id() + "\t" + String.format(Locale.ROOT, "%.6f", h.score()) + "\n");
            }
        }
        out.flush();
        return 0;
    }

    private TextSearcher open(Path dir) throws IOException {
        Path props = dir.resolve(IndexBuildCommand.PROPERTIES);
        if (!Files.isRegularFile(props)) {
            throw new CliErrors.Failure("--index " + dir + ": no " + IndexBuildCommand.PROPERTIES
                    + " (not a directory written by 'index build')");
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String kind = p.getProperty("kind", "");
        if (kind.equals("bm25")) {
            if (hybrid != null) {
                throw new CliErrors.Usage("--hybrid needs an embedder's index (built with --with-bm25), not a bm25 index");
            }
            return Bm25Index.load(dir.resolve(IndexBuildCommand.BM25));
        }
        if (!kind.equals("dense") || p.getProperty("embedder") == null) {
            throw new CliErrors.Failure(props + ": expected kind=dense or kind=bm25 and an embedder line");
        }
        VectorIndex vectors = VectorIndex.load(dir.resolve(IndexBuildCommand.VECTORS));
        SemanticIndex semantic = new SemanticIndex(EmbedderOption.resolve(p.getProperty("embedder")), vectors);
        if (hybrid != null) {
            Check.inRange("--hybrid", hybrid, 0, 1);
            Path bm25 = dir.resolve(IndexBuildCommand.BM25);
            if (!Files.isRegularFile(bm25)) {
                throw new CliErrors.Failure("--hybrid: " + dir + " has no " + IndexBuildCommand.BM25
                        + " (build it with 'index build --with-bm25')");
            }
            return new org.classicnlp.index.HybridSearch(Bm25Index.load(bm25), semantic, hybrid);
        }
        if (exact) {
            return (query, k, filter) -> vectors.searchExact(semantic.embedQuery(query), k, filter);
        }
        return semantic;
    }
}
