package org.classicnlp.core;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * Traditional → Simplified Chinese, character for character, so a conversion keeps the text's length
 * and every offset. Built from the conversion tables in the HanLP jar we already ship
 * ({@code data/dictionary/tc/t2s.txt}):
 *
 * <ul>
 * <li>every entry that maps one BMP character to another ({@code 體=体}, {@code 後=后}); about 3,000;</li>
 * <li>less the characters that HanLP's own phrase entries keep unchanged in some word and that are in
 * use in Simplified text (they occur in HanLP's core dictionary, a Simplified one): {@code 乾} stays,
 * since Simplified text writes {@code 乾隆} and {@code 乾坤}. So Simplified text is left as it is, and
 * segmenting it with or without this normalisation gives the same result.</li>
 * </ul>
 *
 * <p>Word-level conversions (HanLP's {@code 瞭解=了解}, where {@code 瞭} alone stays) are out of reach of
 * a per-character map and are left out. The build writes the table into the jar as a small resource
 * ({@value #RESOURCE}, a few kB; see {@link #writeTable}); it is read once, on first use, in well under a
 * millisecond. Without the resource (classes straight from sources) the table is derived from HanLP's jar
 * at first use, excluding every character the phrase entries keep (no dictionary at hand).
 */
public final class TraditionalChinese {

    /** Classpath resource of the prebuilt table. */
    public static final String RESOURCE = "/org/classicnlp/core/t2s.table";
    private static final String HANLP_T2S = "/data/dictionary/tc/t2s.txt";
    private static final byte[] MAGIC = "CNLP-T2S".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private TraditionalChinese() {
    }

    private static final class Table {
        static final char[] MAP = load();
    }

    /** The Simplified form of {@code c}, or {@code c} when it has none (or is no Han character). */
    public static char toSimplified(char c) {
        return Table.MAP[c];
    }

    /** Converts {@code chars[from, to)} in place. */
    public static void toSimplified(char[] chars, int from, int to) {
        char[] map = Table.MAP;
        for (int i = from; i < to; i++) {
            chars[i] = map[chars[i]];
        }
    }

    /** {@code s} converted character for character (the same length); {@code s} itself when nothing changes. */
    public static String toSimplified(String s) {
        char[] map = Table.MAP;
        for (int i = 0; i < s.length(); i++) {
            if (map[s.charAt(i)] != s.charAt(i)) {
                char[] out = s.toCharArray();
                toSimplified(out, i, out.length);
                return new String(out);
            }
        }
        return s;
    }

    /** Number of characters the table changes. */
    public static int size() {
        int n = 0;
        char[] map = Table.MAP;
        for (int c = 0; c < map.length; c++) {
            if (map[c] != c) {
                n++;
            }
        }
        return n;
    }

    private static char[] load() {
        try (InputStream in = TraditionalChinese.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return read(in.readAllBytes(), "classpath:" + RESOURCE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
        return fromHanlp(c -> true);
    }

    private static char[] read(byte[] bytes, String source) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelFormatException(source, "not a ClassicNLP t2s table (bad magic at byte 0)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new ModelFormatException(source, "unsupported t2s table version " + version
                        + " at byte 8; this build reads version " + VERSION);
            }
            int count = in.readInt();
            char[] map = identity();
            for (int k = 0; k < count; k++) {
                char t = in.readChar();
                map[t] = in.readChar();
            }
            return map;
        } catch (java.io.EOFException e) {
            throw new ModelFormatException(source, "t2s table truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char[] identity() {
        char[] map = new char[1 << 16];
        for (int c = 0; c < map.length; c++) {
            map[c] = (char) c;
        }
        return map;
    }

    /**
     * The table from HanLP's {@code t2s.txt}: its one-character BMP entries, less the characters its phrase
     * entries keep unchanged for which {@code inSimplifiedUse} holds (see the class comment).
     */
    public static char[] fromHanlp(IntPredicate inSimplifiedUse) {
        char[] map = identity();
        BitSet keptInPhrases = new BitSet(1 << 16);
        try (InputStream in = TraditionalChinese.class.getResourceAsStream(HANLP_T2S)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("classpath resource " + HANLP_T2S
                        + " not found (is the HanLP portable jar on the class path?)"));
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String t = line.substring(0, eq);
                String s = line.substring(eq + 1);
                if (t.length() == 1 && s.length() == 1) {
                    char tc = t.charAt(0);
                    char sc = s.charAt(0);
                    if (!Character.isSurrogate(tc) && !Character.isSurrogate(sc) && tc != sc) {
                        map[tc] = sc;
                    }
                } else if (t.length() == s.length()) {
                    for (int i = 0; i < t.length(); i++) {
                        if (t.charAt(i) == s.charAt(i)) {
                            keptInPhrases.set(t.charAt(i));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + HANLP_T2S, e);
        }
        for (int c = keptInPhrases.nextSetBit(0); c >= 0; c = keptInPhrases.nextSetBit(c + 1)) {
            if (map[c] != c && inSimplifiedUse.test(c)) {
                map[c] = (char) c;
            }
        }
        return map;
    }

    /** Writes {@code map} (as from {@link #fromHanlp}) as the table resource read at run time. */
    public static void writeTable(char[] map, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            int count = 0;
            for (int c = 0; c < map.length; c++) {
                if (map[c] != c) {
                    count++;
                }
            }
            out.writeInt(count);
            for (int c = 0; c < map.length; c++) {
                if (map[c] != c) {
                    out.writeChar(c);
                    out.writeChar(map[c]);
                }
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
