package org.classicnlp.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lazy readers for the corpus formats ClassicNLP understands. Every reader streams its file(s) line by
 * line (a {@code .gz} suffix means gzip), accepts LF, CRLF and lone CR line ends and a leading BOM, and
 * reports malformed input as a {@link CorpusFormatException} naming the file and line.
 */
public final class Corpora {

    private static final Logger LOG = LoggerFactory.getLogger(Corpora.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern PD98_ID = Pattern.compile("\\d{8}-\\d{2}-\\d{3}-\\d{3}/m");

    private Corpora() {
    }

    /**
     * The documents at {@code path} in {@code format}. {@link InputFormat#AUTO} reads what
     * {@link #detect} finds (logging a choice made by content); SIGHAN and People's Daily sentences become documents
     * whose text is the words joined without separators, id as the sentence's.
     *
     * <p>An explicit {@link InputFormat#LINES} on a file whose first non-blank line is a JSON object with a
     * string {@code text} field (JSONL under another name, such as {@code .txt}) fails with a
     * {@link CorpusFormatException} naming the file and line, rather than silently reading JSON as text:
     * ask for {@code jsonl}, or {@code auto} to follow the content ({@link #lines(Path)} reads any file as
     * plain lines, unchecked).
     */
    public static Corpus<Document> open(Path path, InputFormat format) {
        InputFormat f = format;
        if (f == InputFormat.AUTO) {
            f = detect(path);
        } else if (f == InputFormat.LINES) {
            requireReadable(path);
            FirstLine first = firstLine(path);
            if (first != null && looksLikeJsonl(path, first.line)) {
                throw new CorpusFormatException(path, first.number, "opened as plain lines but holds JSONL (a JSON"
                        + " object with a \"text\" field); use input format jsonl, or auto to follow the content");
            }
        }
        return switch (f) {
            case LINES -> lines(path);
            case JSONL -> jsonl(path);
            case SIGHAN -> sighan(path).map(s -> new Document(s.id(), s.text()));
            case PD98 -> peoplesDaily(path).map(s -> new Document(s.id(), s.text()));
            case WIKI -> wikiExtractor(path);
            case DIR -> directory(path);
            case AUTO -> throw new AssertionError();
        };
    }

    /**
     * The format {@link InputFormat#AUTO} reads {@code path} as, never {@code AUTO}. A directory is
     * {@code wiki} when its first file (descending in sorted order, hidden files skipped) starts with a
     * {@code <doc} line, else {@code dir}. A file named {@code .jsonl} (or {@code .jsonl.gz}) is
     * {@code jsonl}. Any other file follows its first non-blank line: a {@code <doc id="…">} tag is
     * {@code wiki}, a JSON object with a string {@code text} field is {@code jsonl}, a People's Daily
     * paragraph id ({@code 19980101-01-001-001/m}) is {@code pd98}, anything else {@code lines}
     * (SIGHAN text looks like plain lines: ask for {@code sighan}). A choice made by the content rather
     * than the kind or name (wiki, jsonl under another name, pd98) is logged at INFO.
     */
    public static InputFormat detect(Path path) {
        InputFormat f = detectQuietly(path);
        if (f == InputFormat.WIKI || f == InputFormat.PD98 || f == InputFormat.JSONL && !jsonlName(path)) {
            LOG.info("{}: input format auto: reading as {} (by content)", path, f);
        }
        return f;
    }

    private static boolean jsonlName(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
    }

    private static InputFormat detectQuietly(Path path) {
        if (Files.isDirectory(path)) {
            Path first = firstFile(path);
            FirstLine line = first == null ? null : firstLine(first);
            return line != null && line.line.startsWith("<doc") ? InputFormat.WIKI : InputFormat.DIR;
        }
        requireReadable(path);
        if (jsonlName(path)) {
            return InputFormat.JSONL;
        }
        FirstLine first = firstLine(path);
        if (first == null) {
            return InputFormat.LINES;
        }
        String text = first.line.strip();
        if (text.startsWith("<doc") && WIKI_ATTR.matcher(text).find()) {
            return InputFormat.WIKI;
        }
        if (looksLikeJsonl(path, first.line)) {
            return InputFormat.JSONL;
        }
        int space = text.indexOf(' ');
        if (PD98_ID.matcher(space < 0 ? text : text.substring(0, space)).matches()) {
            return InputFormat.PD98;
        }
        return InputFormat.LINES;
    }

    private record FirstLine(long number, String line) {
    }

    /** The first non-blank line of {@code file}, or null when there is none. */
    private static FirstLine firstLine(Path file) {
        try (Stream<TextFiles.NumberedLine> lines = TextFiles.numberedLines(file)) {
            return lines.filter(l -> !l.text().isBlank()).findFirst()
                    .map(l -> new FirstLine(l.number(), l.text())).orElse(null);
        }
    }

    private static boolean looksLikeJsonl(Path file, String line) {
        if (!line.stripLeading().startsWith("{")) {
            return false;
        }
        try {
            parseJsonLine(file, new TextFiles.NumberedLine(1, line));
            return true;
        } catch (CorpusFormatException e) {
            return false;
        }
    }

    /** The first regular, non-hidden file met descending {@code dir} in sorted order, or null. */
    private static Path firstFile(Path dir) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path p : entries) {
            Path found = Files.isDirectory(p) ? firstFile(p) : Files.isRegularFile(p) ? p : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** One document per line, blank lines included; id is the 0-based line number. */
    public static Corpus<Document> lines(Path file) {
        requireReadable(file);
        return () -> TextFiles.numberedLines(file)
                .map(l -> new Document(Long.toString(l.number() - 1), l.text()));
    }

    /**
     * SIGHAN bakeoff segmented text: words separated by any run of ASCII spaces, tabs or U+3000
     * (ideographic space). One sentence per line; id is the 0-based line number; blank lines give
     * empty sentences so that line numbers stay aligned with the raw text.
     */
    public static Corpus<Sentence> sighan(Path file) {
        requireReadable(file);
        return () -> TextFiles.numberedLines(file)
                .map(l -> Sentence.ofWords(Long.toString(l.number() - 1), splitSighan(l.text()), null));
    }

    /** The words of one SIGHAN-format line (split on {@link CharClass#isWhitespace white space}). */
    public static List<String> splitSighan(String line) {
        return CharClass.splitWhitespace(line);
    }

    /** Words are separated by {@linkplain CharClass#isWhitespace white space}, the one definition. */
    private static boolean isSighanSeparator(char c) {
        return CharClass.isWhitespace(c);
    }

    /**
     * People's Daily 1998 tagged text ({@code word/TAG} tokens separated by spaces, a leading paragraph id
     * such as {@code 19980101-01-001-001/m}, bracketed compounds {@code [中央/n 人民/n 广播/vn 电台/n]nt}).
     * Blank lines are skipped. Compounds are kept as their inner words (the PKU segmentation standard).
     */
    public static Corpus<Sentence> peoplesDaily(Path file) {
        return peoplesDaily(file, false);
    }

    /**
     * As {@link #peoplesDaily(Path)}; with {@code mergeCompounds}, a bracketed compound becomes one token
     * tagged with the bracket's tag ({@code 中央人民广播电台/nt}).
     */
    public static Corpus<Sentence> peoplesDaily(Path file, boolean mergeCompounds) {
        requireReadable(file);
        return () -> TextFiles.numberedLines(file)
                .filter(l -> !l.text().isBlank())
                .map(l -> parsePeoplesDaily(file, l, mergeCompounds));
    }

    private static Sentence parsePeoplesDaily(Path file, TextFiles.NumberedLine line, boolean merge) {
        List<String> parts = splitSighan(line.text());
        String id = Long.toString(line.number());
        int first = 0;
        if (!parts.isEmpty() && PD98_ID.matcher(parts.get(0)).matches()) {
            id = parts.get(0).substring(0, parts.get(0).length() - 2);
            first = 1;
        }
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        StringBuilder compound = null;
        for (int k = first; k < parts.size(); k++) {
            String part = parts.get(k);
            boolean opens = part.startsWith("[") && part.length() > 1 && part.indexOf('/') > 1;
            if (opens) {
                if (compound != null) {
                    throw new CorpusFormatException(file, line.number(), "nested '[' in token '" + part + "'");
                }
                part = part.substring(1);
                compound = new StringBuilder();
            }
            String closingTag = null;
            int close = part.lastIndexOf(']');
            if (compound != null && close > 0 && close > part.lastIndexOf('/')) {
                closingTag = part.substring(close + 1);
                part = part.substring(0, close);
            }
            int slash = part.lastIndexOf('/');
            if (slash <= 0 || slash == part.length() - 1) {
                throw new CorpusFormatException(file, line.number(),
                        "expected word/TAG, found '" + parts.get(k) + "' (token " + (k + 1) + ")");
            }
            String word = part.substring(0, slash);
            String tag = part.substring(slash + 1);
            if (compound != null && merge) {
                compound.append(word);
            } else {
                words.add(word);
                tags.add(tag);
            }
            if (closingTag != null) {
                if (merge) {
                    words.add(compound.toString());
                    tags.add(closingTag.isEmpty() ? tag : closingTag);
                }
                compound = null;
            }
        }
        if (compound != null) {
            throw new CorpusFormatException(file, line.number(), "'[' compound not closed with ']TAG'");
        }
        return Sentence.ofWords(id, words, tags);
    }

    /** Which tag column of a CoNLL-U file {@link #conllu} reads. */
    public enum ConlluColumn {
        /** Column 4, the universal part of speech (NOUN, VERB, ...). */
        UPOS,
        /** Column 5, the treebank-specific tag (Penn tags in UD English). */
        XPOS
    }

    /**
     * A CoNLL-U file (UTF-8, {@code .gz} read transparently) as tagged sentences: one {@link Sentence} per
     * blank-line-separated block, its syntactic words (integer ids) in order, tagged from {@code column}.
     * Comment lines ({@code #}), multiword-token ranges ({@code 1-2}) and empty nodes ({@code 8.1}) are
     * skipped; the sentence id is the {@code # sent_id} comment, else the line number of the block. A word
     * line without 10 tab-separated columns, or with {@code _} in the asked column, is a
     * {@link CorpusFormatException} naming the file and line.
     */
    public static Corpus<Sentence> conllu(Path file, ConlluColumn column) {
        requireReadable(file);
        int col = column == ConlluColumn.UPOS ? 3 : 4;
        return () -> {
            java.util.stream.Stream<TextFiles.NumberedLine> source = TextFiles.numberedLines(file);
            java.util.Iterator<TextFiles.NumberedLine> it = source.iterator();
            java.util.Iterator<Sentence> sentences = new java.util.Iterator<>() {
                private Sentence next;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        next = read();
                    }
                    return next != null;
                }

                @Override
                public Sentence next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    Sentence s = next;
                    next = null;
                    return s;
                }

                private Sentence read() {
                    List<String> words = new ArrayList<>();
                    List<String> tags = new ArrayList<>();
                    String id = null;
                    long first = -1;
                    while (it.hasNext()) {
                        TextFiles.NumberedLine l = it.next();
                        String text = l.text();
                        if (text.isBlank()) {
                            if (!words.isEmpty()) {
                                break;
                            }
                            id = null;
                            continue;
                        }
                        if (first < 0) {
                            first = l.number();
                        }
                        if (text.startsWith("#")) {
                            if (text.startsWith("# sent_id")) {
                                int eq = text.indexOf('=');
                                if (eq > 0) {
                                    id = text.substring(eq + 1).strip();
                                }
                            }
                            continue;
                        }
                        String[] f = text.split("\t", -1);
                        if (f.length != 10) {
                            throw new CorpusFormatException(file, l.number(), "expected 10 tab-separated CoNLL-U"
                                    + " columns, found " + f.length);
                        }
                        if (f[0].indexOf('-') >= 0 || f[0].indexOf('.') >= 0) {
                            continue;
                        }
                        if (f[col].equals("_") || f[col].isEmpty()) {
                            throw new CorpusFormatException(file, l.number(), "no " + column + " tag (column "
                                    + (col + 1) + " is '" + f[col] + "') for word '" + f[1] + "'");
                        }
                        words.add(f[1]);
                        tags.add(f[col]);
                    }
                    if (words.isEmpty()) {
                        return null;
                    }
                    return Sentence.ofWords(id != null ? id : Long.toString(first), words, tags);
                }
            };
            return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(sentences,
                    java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false).onClose(source::close);
        };
    }

    /**
     * One document per regular file below {@code dir} (recursively, in sorted path order, hidden files
     * skipped); id is the path relative to {@code dir} with {@code /} separators.
     */
    public static Corpus<Document> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("not a directory: " + dir));
        }
        // list and sort the paths first, then read lazily: a sorted() stage inside the stream would push
        // every mapped element (all file texts) downstream at once when the sort completes
        return () -> {
            List<String> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            // One reusable buffer per reading thread, so a caller's parallel() stream stays correct.
            ThreadLocal<TextFiles.WholeFileReader> reader = ThreadLocal.withInitial(TextFiles.WholeFileReader::new);
            return files.stream().map(rel -> new Document(rel, reader.get().read(dir.resolve(rel))));
        };
    }

    /**
     * JSON Lines: one object per line with a string {@code text} and an {@code id} (string or number;
     * the 0-based line number when absent). Other scalar fields become metadata. Blank lines are skipped.
     */
    public static Corpus<Document> jsonl(Path file) {
        requireReadable(file);
        return () -> TextFiles.numberedLines(file)
                .filter(l -> !l.text().isBlank())
                .map(l -> parseJsonLine(file, l));
    }

    /** Parses one JSONL line into a document; {@code file} and the line number go into errors. */
    public static Document parseJsonLine(Path file, TextFiles.NumberedLine line) {
        Map<String, String> fields = jsonFields(file, line, "text");
        String text = fields.remove("text");
        String id = fields.remove("id");
        return new Document(id != null ? id : Long.toString(line.number() - 1), text, fields);
    }

    /**
     * The scalar fields of the one JSON object on {@code line} as text (nested objects and arrays skipped,
     * nulls left out); each of {@code requiredStrings} must be there as a string. The one JSONL line reader
     * of every format that has one (documents, FAQ entries); {@code file} and the line number go into errors.
     *
     * @throws CorpusFormatException for invalid JSON, anything but one object, or a required field missing or
     *                               not a string
     */
    public static Map<String, String> jsonFields(Path file, TextFiles.NumberedLine line, String... requiredStrings) {
        List<String> required = List.of(requiredStrings);
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line.text())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CorpusFormatException(file, line.number(), "expected a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                if (required.contains(name) && v != JsonToken.VALUE_STRING) {
                    throw new CorpusFormatException(file, line.number(), "field '" + name + "' must be a string");
                }
                if (v != JsonToken.VALUE_NULL) {
                    fields.put(name, p.getText());
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new CorpusFormatException(file, line.number(), "expected exactly one JSON object on the line");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message ends in "[Source: REDACTED ...; line: 1, column: C]": the column is what helps
            var at = e.getLocation();
            String column = at != null && at.getColumnNr() > 0 ? " at column " + at.getColumnNr() : "";
            String what = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; line: \\d+, column: (\\d+)\\]",
                    "column $1");
            throw new CorpusFormatException(file, line.number(), "invalid JSON" + column + ": " + what, e);
        } catch (IOException e) {
            throw new CorpusFormatException(file, line.number(), "invalid JSON: " + e.getMessage(), e);
        }
        for (String name : required) {
            if (!fields.containsKey(name)) {
                throw new CorpusFormatException(file, line.number(), "missing string field '" + name + "'");
            }
        }
        return fields;
    }

    /**
     * WikiExtractor output: a file, or a directory searched recursively for files (sorted path order, hidden
     * files skipped; {@code .gz} or plain). Each article is a {@code <doc id="…" … title="…">} line, the title
     * line, its paragraphs and {@code </doc>}. One document per non-empty paragraph line; the tag lines and
     * the title line are skipped. Id is {@code DOCID/N} (N = paragraph number from 0); metadata {@code title}.
     */
    public static Corpus<Document> wikiExtractor(Path fileOrDir) {
        if (!Files.isReadable(fileOrDir)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("cannot read: " + fileOrDir));
        }
        return () -> {
            List<Path> files;
            if (Files.isDirectory(fileOrDir)) {
                try (Stream<Path> walk = Files.walk(fileOrDir)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + fileOrDir, e);
                }
            } else {
                files = List.of(fileOrDir);
            }
            return files.stream().flatMap(Corpora::wikiExtractorFile);
        };
    }

    private static final Pattern WIKI_ATTR = Pattern.compile("\\b(id|title)=\"([^\"]*)\"");

    private static Stream<Document> wikiExtractorFile(Path file) {
        String[] doc = {null, ""};      // current article id and title
        int[] state = {0, 0};           // [0]: 1 = next non-empty line is the title; [1]: paragraph number
        return TextFiles.numberedLines(file).mapMulti((l, out) -> {
            String text = l.text();
            if (text.startsWith("<doc")) {
                doc[0] = null;
                doc[1] = "";
                java.util.regex.Matcher m = WIKI_ATTR.matcher(text);
                while (m.find()) {
                    doc[m.group(1).equals("id") ? 0 : 1] = m.group(2);
                }
                if (doc[0] == null || !text.endsWith(">")) {
                    throw new CorpusFormatException(file, l.number(), "expected <doc id=\"…\" …>");
                }
                state[0] = 1;
                state[1] = 0;
            } else if (text.startsWith("</doc>")) {
                doc[0] = null;
                state[0] = 0;
            } else if (!text.isBlank()) {
                if (state[0] == 1) {
                    state[0] = 0;   // the title line
                    return;
                }
                String id = (doc[0] != null ? doc[0] : Long.toString(l.number())) + "/" + state[1]++;
                out.accept(new Document(id, text, Map.of("title", doc[1])));
            }
        });
    }

    private static void requireReadable(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("cannot read file: " + file));
        }
    }
}
