package org.classicnlp.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.Token;
import org.classicnlp.segment.Segmenter;

/**
 * A conformance kit for anything that turns text into tokens, after Lucene's {@code BaseTokenStreamTestCase}:
 * {@link #assertSegments} checks one text exactly; {@link #checkRandomText} runs random Unicode (surrogate
 * pairs, combining marks, emoji sequences, controls, every kind of white space, unpaired surrogates, the
 * empty text, and once a 1 MB line) through it and checks the invariants every segmenter keeps:
 *
 * <ul>
 * <li>every token's text is {@code text.substring(start, end)}, non-empty, and no token boundary falls
 * inside a surrogate pair;</li>
 * <li>tokens are in text order, do not overlap, and cover exactly the characters that are not
 * separators (by default {@link CharClass#isSeparator}; for the whitespace tokenizer
 * {@link CharClass#isWhitespace}); with {@link Options#overlapping} (search mode) tokens may overlap and
 * the covering is not checked;</li>
 * <li>for a {@link Segmenter}: {@code segment}, {@code words} and {@code spans} agree;</li>
 * <li>eight threads segmenting the same texts at once get the same output.</li>
 * </ul>
 *
 * The subject is a {@code Function<String, List<Token>>} so analyzers, taggers and n-gram tokenizers can
 * reuse the kit; the {@link Segmenter} overloads add the {@code words}/{@code spans} agreement.
 *
 * <p>Randomized invariants after Lucene's {@code checkRandomData}: {@link #checkTagged} (a tagger keeps the
 * tokens and gives one tag of its tag set per token), {@link #checkTerms} (an n-gram model's tokenization is its
 * analyzer's terms, or their characters), and {@link #checkRandom}, which runs any {@link Invariant} over a
 * stream of random texts on several threads at once and compares every output with a twin's (the model saved
 * and loaded, or built again) run alone: output identical across threads and across a save/load round trip.
 * {@link RandomInvariants} lists every subject; its {@code main} is the million-string run of
 * {@code bench/random_invariants.sh}.
 */
public final class SegmenterConformance {

    /** What the subject promises: which characters are separators, and whether tokens may overlap. */
    public record Options(IntPredicate separator, boolean overlapping) {
        public static final Options SEGMENTER = new Options(CharClass::isSeparator, false);
        public static final Options WHITESPACE = new Options(CharClass::isWhitespace, false);
        public static final Options OVERLAPPING = new Options(CharClass::isSeparator, true);
    }

    private SegmenterConformance() {
    }

    /** Asserts the exact tokens of {@code text}: surface forms and offsets (plus all invariants). */
    public static void assertSegments(Segmenter segmenter, String text, String[] words, int[] starts, int[] ends) {
        List<Token> tokens = segmenter.segment(text);
        String[] got = tokens.stream().map(Token::text).toArray(String[]::new);
        assertArrayEquals(words, got, () -> "words of " + describe(text) + ": " + tokens);
        if (starts != null) {
            assertArrayEquals(starts, tokens.stream().mapToInt(Token::start).toArray(), () -> "starts of " + describe(text));
        }
        if (ends != null) {
            assertArrayEquals(ends, tokens.stream().mapToInt(Token::end).toArray(), () -> "ends of " + describe(text));
        }
        checkText(segmenter, text, Options.SEGMENTER);
    }

    /** As {@link #assertSegments(Segmenter, String, String[], int[], int[])} without offsets. */
    public static void assertSegments(Segmenter segmenter, String text, String... words) {
        assertSegments(segmenter, text, words, null, null);
    }

    /** Checks the invariants on one text, including the agreement of segment, words and spans. */
    public static List<Token> checkText(Segmenter segmenter, String text, Options options) {
        List<Token> tokens = segmenter.segment(text);
        checkTokens(text, tokens, options);
        List<String> words = segmenter.words(text);
        assertEquals(tokens.stream().map(Token::text).toList(), words, () -> "words() vs segment() on " + describe(text));
        int[] spans = segmenter.spans(text);
        assertEquals(2 * tokens.size(), spans.length, () -> "spans() length on " + describe(text));
        for (int k = 0; k < tokens.size(); k++) {
            if (spans[2 * k] != tokens.get(k).start() || spans[2 * k + 1] != tokens.get(k).end()) {
                fail("spans() vs segment() at token " + k + " on " + describe(text) + ": [" + spans[2 * k] + ","
                        + spans[2 * k + 1] + ") vs " + tokens.get(k));
            }
        }
        return tokens;
    }

    /** Checks the token invariants of {@code tokens} made from {@code text}. */
    public static void checkTokens(String text, List<Token> tokens, Options options) {
        int n = text.length();
        boolean[] covered = new boolean[n];
        int prevEnd = 0;
        int prevStart = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            int s = t.start();
            int e = t.end();
            int index = k;
            assertTrue(0 <= s && s < e && e <= n, () -> "token " + index + " " + t + " out of [0," + n + ") or empty in " + describe(text));
            assertEquals(text.substring(s, e), t.text(), () -> "token " + index + " text vs offsets in " + describe(text));
            assertFalse(splitsPair(text, s) || splitsPair(text, e), () -> "token " + index + " " + t + " splits a surrogate pair");
            if (options.overlapping()) {
                assertTrue(s >= prevStart || e <= prevEnd, () -> "token " + index + " " + t + " out of order");
                prevStart = Math.max(prevStart, s);
                prevEnd = Math.max(prevEnd, e);
                continue;
            }
            assertTrue(s >= prevEnd, () -> "token " + index + " " + t + " overlaps or precedes the one before in " + describe(text));
            prevEnd = e;
            for (int i = s; i < e; i++) {
                covered[i] = true;
            }
        }
        if (options.overlapping()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean separator = options.separator().test(c);
            if (covered[i] == separator) {
                int at = i;
                fail((separator ? "separator U+%04X at %d is inside a token" : "char U+%04X at %d is in no token")
                        .formatted((int) c, at) + " in " + describe(text) + ": " + around(tokens, at));
            }
        }
    }

    private static boolean splitsPair(String text, int i) {
        return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
                && Character.isLowSurrogate(text.charAt(i));
    }

    /** Random-text conformance of a segmenter: {@code n} random texts, the empty text and one 1 MB line. */
    public static void checkRandomText(Segmenter segmenter, int n) {
        checkRandomText(segmenter, n, Options.SEGMENTER);
    }

    public static void checkRandomText(Segmenter segmenter, int n, Options options) {
        List<String> texts = randomTexts(new Random(42 + n), n);
        for (String text : texts) {
            checkText(segmenter, text, options);
        }
        checkText(segmenter, "", options);
        String big = randomText(new Random(7), 1 << 20);
        checkTokens(big, segmenter.segment(big), options);
        assertEquals(segmenter.segment(big).size(), segmenter.spans(big).length / 2, "1 MB line: spans vs segment");
        checkThreads(segmenter::segment, texts);
    }

    /** As {@link #checkRandomText(Segmenter, int)} for a bare function (an analyzer, a tagger's tokenizer). */
    public static void checkRandomText(Function<String, List<Token>> subject, int n, Options options) {
        List<String> texts = randomTexts(new Random(42 + n), n);
        for (String text : texts) {
            checkTokens(text, subject.apply(text), options);
        }
        checkTokens("", subject.apply(""), options);
        String big = randomText(new Random(7), 1 << 20);
        checkTokens(big, subject.apply(big), options);
        checkThreads(subject, texts);
    }

    /** Eight threads segment all {@code texts} at once; each must get exactly the single-threaded output. */
    public static void checkThreads(Function<String, List<Token>> subject, List<String> texts) {
        List<List<Token>> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(subject.apply(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < texts.size(); k++) {
                        int i = (k + offset * 7) % texts.size();
                        assertEquals(expected.get(i), subject.apply(texts.get(i)), "thread output differs on text " + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new AssertionError("multi-threaded run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- randomized invariants over any subject ---------------------------------------------------

    /** Checks the invariants of one text and returns the output (compared across threads and with a twin). */
    @FunctionalInterface
    public interface Invariant {
        Object check(String text);
    }

    /** The invariants of a segmenter: {@link #checkText}; the output is its tokens. */
    public static Invariant segmenterInvariant(Segmenter segmenter, Options options) {
        return text -> checkText(segmenter, text, options);
    }

    /** The invariants of a token function (an analyzer): {@link #checkTokens}; the output is the tokens. */
    public static Invariant tokensInvariant(Function<String, List<Token>> subject, Options options) {
        return text -> {
            List<Token> tokens = subject.apply(text);
            checkTokens(text, tokens, options);
            return tokens;
        };
    }

    /**
     * A tagger on {@code tokens}: one tag per token, each in {@code tagSet}, and the tokens unchanged (text,
     * offsets, normalised form); returns the tags.
     */
    public static List<String> checkTagged(String text, List<Token> tokens, List<Token> tagged, java.util.Collection<String> tagSet) {
        assertEquals(tokens.size(), tagged.size(), () -> "tag sequence length vs tokens on " + describe(text));
        List<String> tags = new ArrayList<>(tagged.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token a = tokens.get(i);
            Token b = tagged.get(i);
            int at = i;
            if (!a.text().equals(b.text()) || a.start() != b.start() || a.end() != b.end() || !a.norm().equals(b.norm())) {
                fail("tagger changed token " + at + " " + a + " into " + b + " on " + describe(text));
            }
            assertTrue(b.tag() != null && tagSet.contains(b.tag()), () -> "token " + at + " " + b + ": tag '" + b.tag()
                    + "' not in the tag set " + tagSet + " on " + describe(text));
            tags.add(b.tag());
        }
        return tags;
    }

    /**
     * An n-gram model's tokenization of {@code text}: {@code terms} must be the normalised forms of its
     * analyzer's {@code tokens} (unit word), or their code points without white space (unit char); the tokens
     * themselves keep the offset invariants of {@code options}.
     */
    public static void checkTerms(String text, List<Token> tokens, List<String> terms, boolean chars, Options options) {
        checkTokens(text, tokens, options);
        List<String> expected = new ArrayList<>();
        for (Token t : tokens) {
            if (!chars) {
                expected.add(t.norm());
            } else {
                t.norm().codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> expected.add(Character.toString(cp)));
            }
        }
        assertEquals(expected, terms, () -> (chars ? "char" : "word") + " n-gram tokens vs the analyzer on " + describe(text));
        for (String term : terms) {
            assertFalse(term.isEmpty(), () -> "an empty n-gram token on " + describe(text));
            if (chars) {
                assertEquals(1, term.codePointCount(0, term.length()), () -> "char unit token '" + term + "' is not one code point");
            }
        }
    }

    /** What {@link #checkRandom} did: texts, their chars, and the seconds it took. */
    public record RandomRun(long texts, long chars, double seconds) {
    }

    /**
     * Runs {@code count} random texts ({@link #randomTexts}'s mix, from {@code seed}) through {@code subject} on
     * {@code threads} threads at once, in batches, checking its invariants on each; then checks that {@code twin}
     * (the subject saved and loaded, or built again), run alone, gives the same output for every text.
     * Fails with the text (escaped) that broke an invariant or differed.
     */
    public static RandomRun checkRandom(Invariant subject, Invariant twin, long count, long seed, int threads, int maxLength) {
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        int batch = 2000;
        long chars = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (long done = 0; done < count; ) {
                int n = (int) Math.min(batch, count - done);
                List<String> texts = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    texts.add(randomText(random, random.nextInt((done + i) % 100 == 0 ? 10 * maxLength : maxLength + 1)));
                    chars += texts.get(i).length();
                }
                Object[] out = new Object[n];
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < n; ) {
                            String text = texts.get(i);
                            try {
                                out[i] = subject.check(text);
                            } catch (AssertionError e) {
                                throw e;
                            } catch (RuntimeException | StackOverflowError e) {
                                throw new AssertionError("exception on " + describe(text) + ": " + e, e);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof AssertionError a) {
                            throw a;
                        }
                        throw new AssertionError(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
                for (int i = 0; i < n; i++) {
                    Object again = twin.check(texts.get(i));
                    int at = i;
                    assertEquals(out[i], again, () -> "output on " + threads + " threads vs the twin (saved and loaded"
                            + " or built again) on " + describe(texts.get(at)));
                }
                done += n;
            }
        } finally {
            pool.shutdownNow();
        }
        return new RandomRun(count, chars, (System.nanoTime() - t0) / 1e9);
    }

    // ---- random text ----------------------------------------------------------------------------

    private static final String[] EMOJI = {
        "👍", "👍🏽", "👨\u200D👩\u200D👧", "👩🏾\u200D💻", "🇨🇳", "🇺🇸🇬🇧", "1\uFE0F\u20E3", "#\u20E3", "*\uFE0F\u20E3",
        "❤\uFE0F", "☺", "🏳\uFE0F\u200D🌈", "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F",
        "\u200D", "\uFE0F", "🏽",
    };
    private static final String SPACES = " \t\n\r\u000B\f\u0085\u00A0\u1680\u2000\u2007\u200A\u2028\u2029\u202F\u205F\u3000\u200B\uFEFF\u001C";
    private static final String WORDS_ZH = "中华人民共和国 北京 天安门 我们 研究生命 起源 發展 體系 臺灣 後來 １９９８年 ○○ 〇";
    private static final String WORDS_EN = "don't U.S. state-of-the-art http://example.com/a?b=1 a@b.org 3,000 2.0 O'Neil Mr. ...";

    /** {@code count} random texts of up to a few hundred chars. */
    public static List<String> randomTexts(Random random, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(randomText(random, random.nextInt(i % 10 == 0 ? 2000 : 80)));
        }
        return out;
    }

    /** A random text of about {@code length} chars drawn from a mix of scripts, marks, emoji and spaces. */
    public static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length + 64);
        String[] zh = WORDS_ZH.split(" ");
        String[] en = WORDS_EN.split(" ");
        while (sb.length() < length) {
            switch (random.nextInt(12)) {
                case 0 -> sb.append(zh[random.nextInt(zh.length)]);
                case 1 -> sb.append(en[random.nextInt(en.length)]);
                case 2 -> sb.append(EMOJI[random.nextInt(EMOJI.length)]);
                case 3 -> sb.append(SPACES.charAt(random.nextInt(SPACES.length())));
                case 4 -> sb.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 5 -> sb.appendCodePoint(0x20000 + random.nextInt(0x2A6D)); // CJK extension B
                case 6 -> sb.append((char) (0x0300 + random.nextInt(0x70))); // combining mark
                case 7 -> sb.append((char) random.nextInt(0x20)); // C0 control
                case 8 -> sb.append((char) (0x21 + random.nextInt(0x5E)));
                case 9 -> sb.append((char) (0xFF01 + random.nextInt(0x5E))); // full width
                case 10 -> sb.append(random.nextBoolean() ? (char) (0xD800 + random.nextInt(0x400)) : (char) (0xDC00 + random.nextInt(0x400)));
                default -> sb.appendCodePoint(random.nextInt(0x30000)); // anything, paired or not
            }
        }
        return sb.toString();
    }

    /** The text, escaped when short, else its length. */
    public static String describe(String text) {
        if (text.length() <= 80) {
            StringBuilder sb = new StringBuilder("\"");
            text.codePoints().forEach(cp -> {
                if (cp < 0x20 || cp >= 0x7F && cp < 0xA0 || Character.getType(cp) == Character.FORMAT || Character.isWhitespace(cp)) {
                    sb.append(String.format("\\u%04X", cp));
                } else {
                    sb.appendCodePoint(cp);
                }
            });
            return sb.append('"').toString();
        }
        return "a text of " + text.length() + " chars";
    }

    private static String around(List<Token> tokens, int at) {
        List<Token> near = new ArrayList<>();
        for (Token t : tokens) {
            if (t.end() >= at - 4 && t.start() <= at + 4) {
                near.add(t);
            }
        }
        return "tokens near: " + near;
    }
}
