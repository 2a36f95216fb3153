package org.classicnlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.Token;
import org.classicnlp.pos.TaggedText;
import org.classicnlp.pos.Tagger;
import org.classicnlp.pos.Taggers;
import org.classicnlp.segment.EnglishTokenizer;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tag",
        mixinStandardHelpOptions = true,
        description = {
            "Tags parts of speech: word/TAG tokens, one output line per input line.",
            "Tokens are separated by single spaces (blank lines stay blank). Without --pretokenized, Chinese is segmented first (the standard",
            "segmenter) and English tokenized (--lang en). With --pretokenized, input tokens are split on single",
            "spaces and never re-segmented."},
        footer = {"", "Examples:",
            "  echo '中国人民银行今天发布了新的货币政策。' | java -jar classicnlp.jar tag --lang zh",
            "  echo 'The quick brown fox jumps over the lazy dog .' | java -jar classicnlp.jar tag --lang en --pretokenized",
            "  java -jar classicnlp.jar tag --model pos-zh.bin --pretokenized --threads 4 words.txt > tagged.txt"})
final class TagCommand implements Callable<Integer> {

    private static final int BATCH_LINES = 256;

    @Option(names = "--model", paramLabel = "FILE", description = "Tagger model from train-tagger (hmm or perceptron).")
    Path model;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "zh | en: the shipped tagger (People's Daily 1998 tags / UD English EWT); default zh."
                    + " With --model, chooses the segmenter: zh = the standard segmenter, en = the English tokenizer.")
    String lang;

    @Option(names = "--tagset", defaultValue = "upos", paramLabel = "TAGS",
            description = "--lang en: upos (NOUN, VERB, ...) | xpos (Penn: NN, VBD, ...) (default: ${DEFAULT-VALUE}).")
    String tagset;

    @Option(names = "--pretokenized", description = "Input tokens are separated by single spaces; never re-segmented.")
    boolean pretokenized;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads (default: available processors); output order is input order.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (tag prints no progress).")
    boolean quiet;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file (UTF-8); standard input when absent or '-'.")
    Path input;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? Check.atLeast("--threads", threads, 1) : org.classicnlp.core.Threads.defaultCount();
        String language = lang == null ? "zh" : Check.oneOf("--lang", lang, List.of("zh", "en"));
        String tags = Check.oneOf("--tagset", tagset, List.of("upos", "xpos"));
        if (model != null) {
            Check.exists("--model", model);
        }
        if (input != null && !input.toString().equals("-")) {
            Check.exists("FILE", input);
        }
        Tagger tagger = model != null ? Taggers.load(model) : language.equals("en")
                ? Taggers.english(tags.equals("upos") ? Taggers.EnglishTags.UPOS : Taggers.EnglishTags.XPOS)
                : Taggers.chinese();
        Segmenter segmenter = pretokenized ? null : language.equals("en") ? EnglishTokenizer.INSTANCE
                : Segmenters.standard();
        try (InputStream in = CliIO.inputStream(input)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                    1 << 16);
            Writer out = CliIO.stdout();
            Iterator<List<String>> batches = new Iterator<>() {
                private List<String> next;
                private boolean first = true;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        try {
                            List<String> b = new ArrayList<>(BATCH_LINES);
                            String line;
                            while (b.size() < BATCH_LINES && (line = reader.readLine()) != null) {
                                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                                    line = line.substring(1);
                                }
                                first = false;
                                b.add(line);
                            }
                            next = b.isEmpty() ? null : b;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return next != null;
                }

                @Override
                public List<String> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    List<String> b = next;
                    next = null;
                    return b;
                }
            };
            BatchExecutor.run(batches, n, batch -> {
                StringBuilder sb = new StringBuilder();
                for (String line : batch) {
                    List<String> words;
                    if (segmenter == null) {
                        words = new ArrayList<>();
                        for (String w : line.split(" ")) {
                            if (!w.isEmpty()) {
                                words.add(w);
                            }
                        }
                    } else {
                        words = new ArrayList<>();
                        for (Token t : segmenter.segment(line)) {
                            words.add(t.text());
                        }
                    }
                    sb.append(TaggedText.format(words, tagger.tagWords(words))).append('\n');
                }
                return sb.toString();
            }, s -> {
                try {
                    out.write(s);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            CliIO.checkWritten(System.out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }
}
