package org.classicnlp.word2vec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The corpus as a temporary file of word-type numbers, written once while the vocabulary is counted and read
 * back by every epoch, so the text is read and tokenized once per {@link Word2VecTrainer#fit} instead of once
 * per pass. Each token is a 4-byte type number (its order of first occurrence, {@code >= 0}); each sentence
 * ends with {@link #END_OF_SENTENCE}. Out-of-vocabulary tokens stay in the file (the vocabulary is not known
 * while it is written) so that every epoch also counts raw tokens for the learning-rate decay.
 *
 * <p>Reading and writing go through one small direct buffer each: no object per token or per sentence, and
 * the file lives in the page cache, not on the Java heap. Not thread-safe; one writer, then readers in turn.
 */
final class CorpusCache implements AutoCloseable {

    static final int END_OF_SENTENCE = -1;
    /** What {@link Reader#next} returns at the end of the file. */
    static final int EOF = Integer.MIN_VALUE;

    private static final int BUFFER_BYTES = 1 << 16;

    final Path file;
    private FileChannel out;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());

    private CorpusCache(Path file) throws IOException {
        this.file = file;
        this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A new, empty cache file in the default temporary directory. */
    static CorpusCache create() throws IOException {
        Path f = Files.createTempFile("classicnlp-w2v-", ".ids");
        try {
            return new CorpusCache(f);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(f);
            throw e;
        }
    }

    /** Appends one token's type number ({@code >= 0}). */
    void token(int type) throws IOException {
        if (!buf.hasRemaining()) {
            drain();
        }
        buf.putInt(type);
    }

    void endSentence() throws IOException {
        token(END_OF_SENTENCE);
    }

    /** Writes what is buffered; the cache can then be read. */
    void finish() throws IOException {
        drain();
        out.close();
        out = null;
    }

    private void drain() throws IOException {
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        } catch (IOException e) {
            throw new IOException("cannot write the corpus cache " + file + ": " + e.getMessage()
                    + " (cacheCorpus(false) reads the corpus every epoch instead)", e);
        }
        buf.clear();
    }

    /** Reads the file from the start (after {@link #finish}). */
    Reader reader() throws IOException {
        return new Reader(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Closes and deletes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One pass over the file. */
    static final class Reader implements AutoCloseable {
        private final FileChannel in;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());

        private Reader(FileChannel in) {
            this.in = in;
            buf.limit(0);
        }

        /** The next type number, {@link #END_OF_SENTENCE}, or {@link #EOF}. */
        int next() throws IOException {
            if (buf.remaining() < Integer.BYTES && !fill()) {
                return EOF;
            }
            return buf.getInt();
        }

        private boolean fill() throws IOException {
            buf.compact();
            try {
                while (buf.position() < Integer.BYTES) {
                    if (in.read(buf) < 0) {
                        if (buf.position() != 0) {
                            throw new IOException("corpus cache ends inside a number (" + buf.position()
                                    + " stray bytes)");
                        }
                        return false;
                    }
                }
                return true;
            } finally {
                buf.flip();
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
