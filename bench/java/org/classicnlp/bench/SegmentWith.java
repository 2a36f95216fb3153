package org.classicnlp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;

/** Segments a file with {@code Segmenters.create(ALGO)} (the library defaults); words joined by spaces. Usage: {@code SegmentWith ALGO FILE}. */
public final class SegmentWith {

    public static void main(String[] args) throws IOException {
        Segmenter s = Segmenters.create(args[0]);
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.append(String.join(" ", s.words(line))).append('\n');
        }
        System.out.print(out);
    }
}
