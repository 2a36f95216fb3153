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
    /** Open for reading and writing; readers use positional reads, so the path itself is not needed. */
    private final FileChannel channel;
    /** Whether the path is already gone (unlinked while open, where the file system allows it). */
    private final boolean unlinked;
    private boolean writing = true;
    private long length;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());

    private CorpusCache(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        // Unlinked at once (POSIX keeps an open file's data): a job that is killed leaves no file behind.
        // Where that is refused (Windows), the path stays until close().
        boolean gone;
        try {
            Files.delete(file);
            gone = true;
        } catch (IOException e) {
            gone = false;
        }
        this.unlinked = gone;
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
        writing = false;
    }

    private void drain() throws IOException {
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                length += channel.write(buf, length);
            }
        } catch (IOException e) {
            throw new IOException("cannot write the corpus cache " + file + ": " + e.getMessage()
                    + " (cacheCorpus(false) reads the corpus every epoch instead)", e);
        }
        buf.clear();
    }

    /** Reads the file from the start (after {@link #finish}). */
    Reader reader() {
        if (writing) {
            throw new IllegalStateException("the corpus cache is still being written");
        }
        return new Reader(channel, length);
    }

    /** Closes and deletes the file. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (!unlinked) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One pass over the file. */
    static final class Reader implements AutoCloseable {
        private final FileChannel in;
        private final long length;
        private long position;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());

        private Reader(FileChannel in, long length) {
            this.in = in;
            this.length = length;
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
                    int n = position < length ? in.read(buf, position) : -1;
                    if (n > 0) {
                        position += n;
                    }
                    if (n < 0) {
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

        /** The channel belongs to the cache, which closes it. */
        @Override
        public void close() {
        }
    }
}
