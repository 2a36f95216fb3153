package org.classicnlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.segment.HmmModel;
import org.classicnlp.segment.HmmSegmenter;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.HybridSegmenter;
import org.classicnlp.segment.SearchSegmenter;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "segment",
        mixinStandardHelpOptions = true,
        description = {
            "Segments Chinese (and tokenizes English or mixed) text: one output line per input line,",
            "blank lines kept, words separated by single spaces."},
        footer = {"", "Examples:",
            "  echo '我用Java写了NLP程序，version 2.0。' | java -jar classicnlp.jar segment",
            "  java -jar classicnlp.jar segment --algo fmm --dict pku_training_words.utf8 pku_test.utf8 > pred.txt",
            "  java -jar classicnlp.jar segment --algo hybrid --mode search --threads 2 news.txt > words.txt"})
final class SegmentCommand implements Callable<Integer> {

    enum DictFormat { words, user }

    @Option(names = "--algo", defaultValue = "bimm", paramLabel = "ALGO",
            description = "fmm | bmm | bimm | hmm | hybrid (default: ${DEFAULT-VALUE})")
    String algo;

    // ---- statistical segmenters (hmm, hybrid) ----
    enum Mode { default_, search }

    @Option(names = "--model", paramLabel = "FILE",
            description = "hmm/hybrid: model from train-segmenter (default: the shipped People's Daily 1998 model).")
    Path model;

    @Option(names = "--mode", defaultValue = "default", paramLabel = "MODE", converter = ModeConverter.class,
            description = "hmm/hybrid: default (best segmentation) | search (also the dictionary words inside long words)")
    Mode mode;

    @Option(names = "--no-core-dict", description = "hybrid: leave HanLP's core dictionary out"
            + " (the dictionary is then the model's training counts plus --dict files).")
    boolean noCoreDict;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Segment lines on N threads; output order is kept (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "Dictionary file(s), merged; fmm/bmm/bimm: replace HanLP's core dictionary (the default);"
                    + " hybrid: added to the model's training counts and HanLP's core dictionary; hmm: used by search mode.")
    List<Path> dicts = List.of();

    @Option(names = "--dict-format", defaultValue = "words", paramLabel = "FORMAT",
            description = "words (one word per line) | user (word [freq] [tag]...) (default: ${DEFAULT-VALUE})")
    DictFormat dictFormat;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file (UTF-8); standard input when absent or '-'.")
    Path input;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        Segmenter segmenter = segmenter();
        try (BufferedReader in = CliIO.input(input)) {
            Writer out = CliIO.stdout();
            if (threads == 1) {
                String line;
                StringBuilder sb = new StringBuilder(256);
                while ((line = in.readLine()) != null) {
                    sb.setLength(0);
                    appendLine(segmenter, line, sb);
                    out.append(sb);
                }
            } else {
                segmentParallel(segmenter, in, out);
            }
            out.flush();
        }
        return 0;
    }

    private static void appendLine(Segmenter segmenter, String line, StringBuilder sb) {
        boolean first = true;
        for (Token t : segmenter.segment(line)) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            sb.append(t.text());
        }
        sb.append('\n');
    }

    /** Reads batches of lines, segments each batch's slices on the pool, writes the slices in input order. */
    private void segmentParallel(Segmenter segmenter, BufferedReader in, Writer out) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "segment");
            t.setDaemon(true);
            return t;
        });
        try {
            int slices = threads * 4;
            List<String> batch = new ArrayList<>();
            boolean more = true;
            while (more) {
                batch.clear();
                long chars = 0;
                String line;
                while (chars < (1 << 20) && (line = in.readLine()) != null) {
                    batch.add(line);
                    chars += line.length() + 1;
                }
                more = chars >= (1 << 20);
                List<Future<StringBuilder>> parts = new ArrayList<>(slices);
                int size = (batch.size() + slices - 1) / slices;
                for (int from = 0; from < batch.size(); from += size) {
                    List<String> slice = batch.subList(from, Math.min(batch.size(), from + size));
                    parts.add(pool.submit(() -> {
                        StringBuilder sb = new StringBuilder(slice.size() * 64);
                        for (String l : slice) {
                            appendLine(segmenter, l, sb);
                        }
                        return sb;
                    }));
                }
                for (Future<StringBuilder> part : parts) {
                    try {
                        out.append(part.get());
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException re) {
                            throw re;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Segmenter segmenter() {
        String name = algo.toLowerCase(java.util.Locale.ROOT);
        if (!Segmenters.STATISTICAL_ALGORITHMS.contains(name)) {
            if (model != null || mode == Mode.search || noCoreDict) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--model, --mode search and --no-core-dict apply to --algo hmm|hybrid only");
            }
            return Segmenters.create(algo, lexicon());
        }
        List<Lexicon> user = new ArrayList<>();
        for (Path p : dicts) {
            user.add(dictFormat == DictFormat.user ? LexiconLoaders.userDictionary(p) : LexiconLoaders.wordList(p));
        }
        if (name.equals("hmm")) {
            if (noCoreDict && mode == Mode.search && user.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "search mode needs a dictionary: drop --no-core-dict or give --dict");
            }
            HmmSegmenter hmm = new HmmSegmenter(model == null ? HmmModel.defaultModel() : HmmModel.load(model));
            if (mode != Mode.search) {
                return hmm;
            }
            Lexicon words = noCoreDict ? null : LexiconLoaders.hanlpCore();
            for (Lexicon l : user) {
                words = words == null ? l : words.merge(l);
            }
            return new SearchSegmenter(hmm, words);
        }
        HybridSegmenter.Builder builder = HybridSegmenter.builder().coreDictionary(!noCoreDict);
        if (model != null) {
            builder.model(HybridModel.load(model));
        }
        user.forEach(builder::addDictionary);
        HybridSegmenter hybrid = model == null && user.isEmpty() && !noCoreDict ? HybridSegmenter.standard() : builder.build();
        return mode == Mode.search ? SearchSegmenter.of(hybrid) : hybrid;
    }

    @Spec
    CommandSpec spec;

    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return switch (value) {
                case "default" -> Mode.default_;
                case "search" -> Mode.search;
                default -> throw new CommandLine.TypeConversionException("expected default or search, got '" + value + "'");
            };
        }
    }

    private Lexicon lexicon() {
        if (dicts.isEmpty()) {
            return LexiconLoaders.hanlpCore();
        }
        Lexicon merged = null;
        for (Path p : dicts) {
            Lexicon l = dictFormat == DictFormat.user ? LexiconLoaders.userDictionary(p) : LexiconLoaders.wordList(p);
            merged = merged == null ? l : merged.merge(l);
        }
        return merged;
    }
}
