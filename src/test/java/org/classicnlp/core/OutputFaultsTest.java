package org.classicnlp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while writing and between passes: a full disk (a size-limited stream) leaves no partial file under the
 * final name and says so; an input changed or deleted between or during the passes of a job fails naming it.
 */
class OutputFaultsTest {

    @TempDir
    Path tmp;

    /** A stream that takes {@code limit} bytes, then fails as a full disk does. */
    static final class FullDisk extends OutputStream {
        private final OutputStream out;
        private long left;

        FullDisk(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new IOException("No space left on device");
            }
            out.write(b, off, len);
            left -= len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void aFullDiskLeavesNoPartialFileAndSaysSo() throws IOException {
        Path file = tmp.resolve("out.bin");
        byte[] big = new byte[1 << 20];
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(file, "test output",
                out -> {
                    OutputStream limited = new FullDisk(out, 300_000);
                    limited.write(big);
                }));
        assertEquals("cannot write test output " + file + ": No space left on device; nothing was written to " + file,
                e.getMessage());
        assertFalse(Files.exists(file), "no partial file under the final name");
        assertEquals(List.of(), leftovers(), "no temporary file left");

        // an earlier version stays as it was, and the message says so
        Files.writeString(file, "the earlier version");
        UncheckedIOException again = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(file, "test output",
                out -> new FullDisk(out, 10).write(big)));
        assertTrue(again.getMessage().endsWith(file + " is unchanged"), again.getMessage());
        assertEquals("the earlier version", Files.readString(file));
        assertEquals(List.of(), leftovers());

        // a failure while producing the bytes (not I/O) also leaves nothing
        Path other = tmp.resolve("other.bin");
        assertThrows(IllegalArgumentException.class, () -> AtomicFile.write(other, "test output", out -> {
            out.write(big);
            throw new IllegalArgumentException("cannot store this");
        }));
        assertFalse(Files.exists(other));
        assertEquals(List.of(), leftovers());

        // and a whole write lands under the final name, with the permissions of a file created there
        AtomicFile.write(other, "test output", out -> out.write(big));
        assertEquals(big.length, Files.size(other));
        assertEquals(List.of(), leftovers());
        Path plain = Files.createFile(tmp.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(other),
                "not the owner-only permissions of a temporary file");
    }

    @Test
    void aModelWrittenToAFullDiskFailsWithTheStreamsError() {
        // the container's stream writer under a size limit: the I/O error surfaces, never a silent truncation
        IOException e = assertThrows(IOException.class, () -> ModelContainer.write(new FullDisk(OutputStream.nullOutputStream(),
                100), new ModelContainer.Kind("toy", 1), null, ModelContainer.Compression.NONE, out -> out.write(new byte[4096])));
        assertEquals("No space left on device", e.getMessage());
    }

    private static Corpus<Document> lines(Path file) {
        return StableInput.of(file, "--input " + file.getFileName(), Corpora.lines(file));
    }

    private static List<String> read(Corpus<Document> c) {
        List<String> out = new ArrayList<>();
        c.forEach(d -> out.add(d.text()));
        return out;
    }

    @Test
    void anUnchangedInputReadsAnyNumberOfTimes() throws IOException {
        Path f = Files.writeString(tmp.resolve("in.txt"), "a b\nc d\n");
        Corpus<Document> c = lines(f);
        for (int pass = 0; pass < 3; pass++) {
            assertEquals(List.of("a b", "c d"), read(c));
        }
    }

    @Test
    void anInputChangedBetweenPassesFailsNamingItAndThePass() throws IOException {
        Path f = Files.writeString(tmp.resolve("in.txt"), "a b\nc d\n");
        Corpus<Document> c = lines(f);
        read(c);
        Files.writeString(f, "a b\nc d\ne f\n");
        StableInput.ChangedException e = assertThrows(StableInput.ChangedException.class, () -> read(c));
        assertTrue(e.getMessage().startsWith("--input in.txt changed during the job, before it read (pass 2): size 8 bytes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-> size 12 bytes"), e.getMessage());

        // same size, new time (a rewrite in place)
        Path g = Files.writeString(tmp.resolve("g.txt"), "a b\n");
        Corpus<Document> cg = lines(g);
        read(cg);
        Files.writeString(g, "x y\n");
        Files.setLastModifiedTime(g, FileTime.fromMillis(Files.getLastModifiedTime(g).toMillis() + 5000));
        assertThrows(StableInput.ChangedException.class, () -> read(cg));

        // replaced by a rename (new inode), same size and time
        Path h = Files.writeString(tmp.resolve("h.txt"), "a b\n");
        Corpus<Document> ch = lines(h);
        read(ch);
        FileTime t = Files.getLastModifiedTime(h);
        Path replacement = Files.writeString(tmp.resolve("h2.txt"), "x y\n");
        Files.setLastModifiedTime(replacement, t);
        Files.move(replacement, h, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StableInput.ChangedException r = assertThrows(StableInput.ChangedException.class, () -> read(ch));
        assertTrue(r.getMessage().contains("inode"), r.getMessage());
    }

    @Test
    void anInputDeletedOrChangedDuringAPassFailsAtItsEnd() throws IOException {
        Path f = Files.writeString(tmp.resolve("in.txt"), "a b\nc d\n");
        Corpus<Document> c = lines(f);
        StableInput.ChangedException e = assertThrows(StableInput.ChangedException.class, () -> c.forEach(d -> {
            try {
                Files.delete(f);   // the open file is still read to its end; the check at the end sees it gone
            } catch (IOException x) {
                // deleted on the first document already
            }
        }));
        assertTrue(e.getMessage().contains("while it was read (pass 1)") && e.getMessage().endsWith(
                "rerun on a file that does not change while the job runs"), e.getMessage());
        assertTrue(e.getMessage().contains("-> deleted"), e.getMessage());

        Path g = Files.writeString(tmp.resolve("g.txt"), "a b\nc d\n");
        Corpus<Document> cg = lines(g);
        boolean[] once = {false};
        assertThrows(StableInput.ChangedException.class, () -> cg.forEach(d -> {
            if (!once[0]) {
                once[0] = true;
                try {
                    Files.writeString(g, "appended\n", java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
        }));
    }

    @Test
    void aDirectoryInputIsCheckedFileByFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("docs"));
        Files.writeString(dir.resolve("a.txt"), "one\n");
        Files.writeString(dir.resolve("b.txt"), "two\n");
        Corpus<Document> c = StableInput.of(dir, "--input docs", Corpora.directory(dir));
        assertEquals(2, read(c).size());
        assertEquals(2, read(c).size());
        Files.writeString(dir.resolve("c.txt"), "three\n");
        StableInput.ChangedException e = assertThrows(StableInput.ChangedException.class, () -> read(c));
        assertTrue(e.getMessage().contains("2 files") && e.getMessage().contains("-> 3 files"), e.getMessage());
    }
}
