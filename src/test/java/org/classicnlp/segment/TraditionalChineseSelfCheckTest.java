package org.classicnlp.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classicnlp.TestData;
import org.classicnlp.core.TraditionalChinese;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's self-check of the Traditional → Simplified normalisation: the PKU test converted to
 * Traditional by HanLP must segment at (almost) the same boundaries as the Simplified original.
 */
class TraditionalChineseSelfCheckTest {

    @Test
    void tableIsLengthPreservingAndLeavesSimplifiedAlone() {
        assertTrue(TraditionalChinese.size() > 2500, "table size " + TraditionalChinese.size());
        assertEquals("后来的发展体系", TraditionalChinese.toSimplified("後來的發展體系"));
        assertEquals("乾隆", TraditionalChinese.toSimplified("乾隆")); // kept: Simplified writes 乾隆
        assertEquals("中华人民共和国", TraditionalChinese.toSimplified("中华人民共和国"));
        assertEquals('A', TraditionalChinese.toSimplified('A'));
    }

    @Test
    void pkuTestInTraditionalSegmentsAsTheSimplifiedOriginal() throws IOException {
        Path test = TestData.require("icwb2/testing/pku_test.utf8");
        List<String> lines = Files.readAllLines(test, StandardCharsets.UTF_8);
        Segmenter standard = Segmenters.standard();
        long same = 0;
        long ours = 0;
        long theirs = 0;
        int used = 0;
        for (String line : lines) {
            String simplified = line.strip();
            if (simplified.isEmpty()) {
                continue;
            }
            String traditional = HanLP.convertToTraditionalChinese(simplified);
            if (traditional.length() != simplified.length()) {
                continue; // only where HanLP's conversion keeps the length, so boundaries compare one to one
            }
            used++;
            Set<Long> a = spans(standard.spans(simplified));
            Set<Long> b = spans(standard.spans(traditional));
            ours += a.size();
            theirs += b.size();
            b.retainAll(a);
            same += b.size();
        }
        double p = (double) same / theirs;
        double r = (double) same / ours;
        double f = 2 * p * r / (p + r);
        System.out.printf("t2s self-check: %d lines, boundary F %.4f (P %.4f, R %.4f)%n", used, f, p, r);
        assertTrue(used > 1800, "lines used: " + used);
        assertTrue(f >= 0.98, "boundary F " + f);
    }

    private static Set<Long> spans(int[] spans) {
        Set<Long> out = new HashSet<>();
        for (int k = 0; k < spans.length; k += 2) {
            out.add((long) spans[k] << 32 | spans[k + 1]);
        }
        return out;
    }
}
