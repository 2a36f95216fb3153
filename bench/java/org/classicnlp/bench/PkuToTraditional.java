package org.classicnlp.bench;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.Corpora;

/**
 * A Traditional-script test set made from a SIGHAN gold file with HanLP's Simplified → Traditional
 * conversion: each gold line is joined, converted with {@code HanLP.convertToTraditionalChinese} and cut
 * again at the gold boundaries. Lines where the conversion changes the length are left out (counted on
 * stderr), so the gold boundaries stay exact.
 * Usage: {@code PkuToTraditional GOLD OUT_RAW OUT_GOLD}.
 */
public final class PkuToTraditional {

    public static void main(String[] args) throws IOException {
        List<String> raw = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        int skipped = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            List<String> words = Corpora.splitSighan(line);
            String joined = String.join("", words);
            String trad = HanLP.convertToTraditionalChinese(joined);
            if (trad.length() != joined.length()) {
                skipped++;
                continue;
            }
            StringBuilder g = new StringBuilder();
            int at = 0;
            for (String w : words) {
                if (g.length() > 0) {
                    g.append("  ");
                }
                g.append(trad, at, at + w.length());
                at += w.length();
            }
            raw.add(trad);
            gold.add(g.toString());
        }
        Files.write(Path.of(args[1]), raw, StandardCharsets.UTF_8);
        Files.write(Path.of(args[2]), gold, StandardCharsets.UTF_8);
        System.err.println("lines: " + raw.size() + " kept, " + skipped + " skipped (conversion changed the length)");
    }
}
