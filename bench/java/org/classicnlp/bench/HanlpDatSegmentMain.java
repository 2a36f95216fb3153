package org.classicnlp.bench;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer side of the end-to-end speed benchmark: HanLP's DoubleArrayTrieSegment built from a word
 * list segments a file line by line and writes words separated by spaces, exactly as our
 * {@code segment --algo fmm --dict WORDS FILE} does. Usage: HanlpDatSegmentMain WORDS INPUT [standard].
 */
public final class HanlpDatSegmentMain {

    public static void main(String[] args) throws Exception {
        Segment segment = args.length > 2 && args[2].equals("standard")
                ? com.hankcs.hanlp.HanLP.newSegment()
                : new DoubleArrayTrieSegment(args[0]).enableCustomDictionary(false);
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8);
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                     StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            StringBuilder sb = new StringBuilder();
            while ((line = in.readLine()) != null) {
                sb.setLength(0);
                for (Term t : segment.seg(line)) {
                    if (!sb.isEmpty()) {
                        sb.append(' ');
                    }
                    sb.append(t.word);
                }
                sb.append('\n');
                out.append(sb);
            }
        }
    }
}
