package org.classicnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "segment",
        mixinStandardHelpOptions = true,
        description = {
            "Segments Chinese (and tokenizes English or mixed) text: one output line per input line,",
            "blank lines kept, words separated by single spaces."},
        footer = {"", "Examples:",
            "  echo '我用Java写了NLP程序，version 2.0。' | java -jar classicnlp.jar segment",
            "  java -jar classicnlp.jar segment --algo fmm --dict pku_training_words.utf8 pku_test.utf8 > pred.txt"})
final class SegmentCommand implements Callable<Integer> {

    enum DictFormat { words, user }

    @Option(names = "--algo", defaultValue = "bimm", paramLabel = "ALGO",
            description = "fmm | bmm | bimm (default: ${DEFAULT-VALUE})")
    String algo;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "Dictionary file(s), merged; replaces HanLP's core dictionary (the default).")
    List<Path> dicts = List.of();

    @Option(names = "--dict-format", defaultValue = "words", paramLabel = "FORMAT",
            description = "words (one word per line) | user (word [freq] [tag]...) (default: ${DEFAULT-VALUE})")
    DictFormat dictFormat;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file (UTF-8); standard input when absent or '-'.")
    Path input;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: available processors); output order is input order.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        Segmenter segmenter = Segmenters.create(algo, lexicon());
        int n = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        try (InputStream in = CliIO.inputStream(input)) {
            OrderedLinePipeline.run(in, input, System.out, n, line -> joinWords(line, segmenter.spans(line)));
        }
        return 0;
    }

    /** The words of {@code line} separated by single spaces. */
    static String joinWords(String line, int[] spans) {
        // String.getChars into one array: StringBuilder.append(CharSequence, int, int) copies char by char.
        char[] out = new char[line.length() + spans.length / 2];
        int p = 0;
        for (int k = 0; k < spans.length; k += 2) {
            if (k > 0) {
                out[p++] = ' ';
            }
            line.getChars(spans[k], spans[k + 1], out, p);
            p += spans[k + 1] - spans[k];
        }
        return new String(out, 0, p);
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
