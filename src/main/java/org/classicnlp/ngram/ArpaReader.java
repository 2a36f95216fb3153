package org.classicnlp.ngram;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.classicnlp.core.ModelFormatException;

/**
 * Reads ARPA back-off models (KenLM's, SRILM's): {@code \data\}, the {@code ngram N=count} lines, one
 * {@code \N-grams:} section per order with {@code log10prob words [backoff]} lines (fields separated by tabs
 * or spaces), {@code \end\}. Any error is one {@link ModelFormatException} naming the file and line.
 */
final class ArpaReader {

    /** Deflate expands at most about 1032:1: the most a gzip file of n bytes can hold is about 1032 n. */
    private static final long GZIP_RATIO = 1032;

    private final String source;
    private final BufferedReader in;
    /** The most bytes of text the source can hold (to bound the declared counts before allocating), or -1. */
    private final long room;
    private long lineNo;

    private ArpaReader(InputStream in, String source, long room) {
        this.source = source;
        this.room = room;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    static NGramModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ARPA file " + file + ": " + e.getMessage(), e);
        }
    }

    static NGramModel read(InputStream raw, String source) {
        return read(raw, source, -1);
    }

    /** @param size the bytes of the file, or -1 when unknown */
    private static NGramModel read(InputStream raw, String source, long size) {
        try {
            BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
            b.mark(2);
            int m0 = b.read();
            int m1 = b.read();
            b.reset();
            InputStream in = m0 == 0x1f && m1 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
            long room = size < 0 ? -1 : in == b ? size : size * GZIP_RATIO;
            return new ArpaReader(in, source, room).parse();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(source, "not UTF-8 text near line " + "?" + ": " + e.getMessage(), e);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new ModelFormatException(source, "truncated or damaged gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ARPA file " + source + ": " + e.getMessage(), e);
        }
    }

    private ModelFormatException error(String message) {
        return new ModelFormatException(source, "line " + lineNo + ": " + message);
    }

    private String next() throws IOException {
        String l;
        try {
            l = in.readLine();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(source, "line " + (lineNo + 1) + ": not UTF-8 text", e);
        }
        if (l != null) {
            lineNo++;
        }
        return l;
    }

    /** The next non-blank line, or an error saying what was expected at the end of the file. */
    private String nextNonBlank(String expected) throws IOException {
        while (true) {
            String l = next();
            if (l == null) {
                throw new ModelFormatException(source, "line " + lineNo + ": file ends (truncated?) where "
                        + expected + " was expected");
            }
            if (!l.isBlank()) {
                return l.strip();
            }
        }
    }

    private NGramModel parse() throws IOException {
        String l;
        while (true) {
            l = next();
            if (l == null) {
                throw new ModelFormatException(source, "line " + lineNo + ": no \\data\\ line: not an ARPA file");
            }
            if (l.strip().equals("\\data\\")) {
                break;
            }
        }
        long[] declared = new long[NGramModel.MAX_ORDER + 2];
        int order = 0;
        while (true) {
            l = nextNonBlank("'ngram N=COUNT' or '\\1-grams:'");
            if (!l.startsWith("ngram ")) {
                break;
            }
            int eq = l.indexOf('=');
            int n;
            long c;
            try {
                n = Integer.parseInt(l.substring(6, eq).strip());
                c = Long.parseLong(l.substring(eq + 1).strip());
            } catch (RuntimeException e) {
                throw error("expected 'ngram N=COUNT', found '" + abbreviate(l) + "'");
            }
            if (n != order + 1) {
                throw error("expected 'ngram " + (order + 1) + "=COUNT', found '" + abbreviate(l) + "'");
            }
            if (n > NGramModel.MAX_ORDER) {
                throw error("order " + n + " is above the supported maximum " + NGramModel.MAX_ORDER);
            }
            if (c < 0 || (n == 1 && c >= (1 << NGramModel.WORD_BITS))) {
                throw error("bad count " + c);
            }
            declared[n] = c;
            order = n;
        }
        if (order == 0) {
            throw error("no 'ngram N=COUNT' lines after \\data\\");
        }
        // an n-gram line takes at least 2N + 2 bytes ("0 a\n" for N = 1): counts the file cannot hold are refused
        // before the tables are allocated by them
        long least = 0;
        for (int k = 1; k <= order; k++) {
            least += Math.min(declared[k], Long.MAX_VALUE / 128) * (2L * k + 2);
        }
        if (room >= 0 && least > room) {
            throw error("the header declares n-grams of at least " + least + " bytes, but the file holds at most "
                    + room + " bytes (truncated, or wrong counts?)");
        }
        // a stream of unknown length cannot bound the counts by its size: bound them by what this JVM can hold
        // (each table slot takes 16 bytes, at 1.5 slots an n-gram), so a wrong header is an error here and not
        // an OutOfMemoryError later
        long tableBytes = 0;
        for (int k = 1; k <= order; k++) {
            tableBytes += Math.min(declared[k], Long.MAX_VALUE / 128) * 24;
        }
        if (room < 0 && tableBytes > Runtime.getRuntime().maxMemory()) {
            throw error("the header declares n-grams needing about " + tableBytes + " bytes of tables, more than this"
                    + " JVM's heap of " + Runtime.getRuntime().maxMemory() + " bytes (wrong counts, or run with a"
                    + " larger -Xmx)");
        }
        Vocab vocab = new Vocab();
        float[] uniProb = new float[(int) declared[1] + 1];
        float[] uniBo = new float[(int) declared[1] + 1];
        java.nio.LongBuffer[] tables = new java.nio.LongBuffer[order + 1];
        long[] counts = new long[order + 1];
        int[] ws = new int[order];
        for (int k = 1; k <= order; k++) {
            if (k > 1) {
                l = nextNonBlank("'\\" + k + "-grams:'");
            }
            if (!l.equals("\\" + k + "-grams:")) {
                throw error("expected '\\" + k + "-grams:', found '" + abbreviate(l) + "'");
            }
            NGramModel.TableBuilder tb = k > 1 ? new NGramModel.TableBuilder(declared[k]) : null;
            for (long i = 0; i < declared[k]; i++) {
                l = next();
                if (l == null) {
                    throw new ModelFormatException(source, "line " + lineNo + ": file ends (truncated?) after " + i
                            + " of the " + declared[k] + " " + k + "-grams the header declares");
                }
                if (l.isBlank() || l.startsWith("\\")) {
                    throw error("expected " + k + "-gram " + (i + 1) + " of " + declared[k] + ", found '" + abbreviate(l)
                            + "' (fewer " + k + "-grams than the header declares)");
                }
                String[] f = l.strip().split("[ \\t]+");
                boolean hasBo = f.length == k + 2;
                if (f.length != k + 1 && !hasBo) {
                    throw error("expected 'log10prob' then " + k + " word(s) then an optional back-off, found "
                            + f.length + " fields in '" + abbreviate(l) + "'");
                }
                if (hasBo && k == order) {
                    throw error("a back-off weight on a " + k + "-gram of the highest order");
                }
                float p = number(f[0], l, true);
                float bo = hasBo ? number(f[k + 1], l, false) : 0f;
                if (k == 1) {
                    int id = vocab.add(f[1]);
                    if (id != vocab.size() - 1) {
                        throw error("duplicate unigram '" + f[1] + "'");
                    }
                    uniProb[id] = p;
                    uniBo[id] = bo;
                    continue;
                }
                int ctx = -1;
                for (int j = 0; j < k; j++) {
                    int id = vocab.find(f[1 + j]);
                    if (id < 0) {
                        throw error("word '" + f[1 + j] + "' is not among the unigrams");
                    }
                    ws[j] = id;
                }
                ctx = ws[0];
                for (int j = 2; j < k; j++) {
                    ctx = findIn(tables[j], ctx, ws[j - 1]);
                    if (ctx < 0) {
                        throw error("the context of this " + k + "-gram is not a " + (k - 1) + "-gram of the file");
                    }
                }
                if (tb.insert(ctx, ws[k - 1], p, bo) < 0) {
                    throw error("duplicate " + k + "-gram");
                }
            }
            counts[k] = declared[k];
            if (k > 1) {
                tables[k] = tb.table();
            }
        }
        l = nextNonBlank("'\\end\\'");
        if (!l.equals("\\end\\")) {
            throw error("expected '\\end\\' after the " + order + "-grams, found '" + abbreviate(l) + "'"
                    + " (more n-grams than the header declares?)");
        }
        int bos = vocab.find("<s>");
        int eos = vocab.find("</s>");
        if (bos < 0 || eos < 0) {
            throw new ModelFormatException(source, "no " + (bos < 0 ? "<s>" : "</s>") + " among the unigrams");
        }
        int unk = vocab.find("<unk>");
        int v = vocab.size();
        if (unk < 0) {
            // KenLM's rule for a file without <unk>: it is added with log10 probability -100
            unk = vocab.add("<unk>");
            v++;
            uniProb[unk] = -100f;
            uniBo[unk] = 0f;
            counts[1] = v;
        } else {
            counts[1] = v;
        }
        float[] p1 = java.util.Arrays.copyOf(uniProb, v);
        float[] b1 = java.util.Arrays.copyOf(uniBo, v);
        return new NGramModel(order, vocab, unk, bos, eos, p1, b1, tables, counts, null, Unit.WORD);
    }

    private static int findIn(java.nio.LongBuffer table, int ctx, int word) {
        return NGramModel.find(table, NGramModel.key(ctx, word));
    }

    private float number(String s, String line, boolean prob) {
        try {
            char last = s.charAt(s.length() - 1);
            if (!(last >= '0' && last <= '9') && !s.equals("-inf")) {
                throw new NumberFormatException(s);
            }
            float f = s.equals("-inf") ? Float.NEGATIVE_INFINITY : Float.parseFloat(s);
            if (Float.isNaN(f) || (prob && f > 0.0001f)) {
                throw error("'" + s + "' is not a log10 value (<= 0)");
            }
            return f;
        } catch (NumberFormatException e) {
            throw error("'" + s + "' is not a number in '" + abbreviate(line) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
