package org.classicnlp.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy and macro-averaged F1 of predictions against gold labels. Macro F1 averages the per-label F1
 * over the labels in the gold or the predicted set (scikit-learn's {@code f1_score(average="macro")});
 * a label with no true positive has F1 0.
 */
public record Evaluation(double accuracy, double macroF1, long documents) {

    public static Evaluation of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels, " + predicted.size() + " predictions");
        }
        Map<String, long[]> counts = new HashMap<>(); // tp, fp, fn
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            if (g.equals(p)) {
                correct++;
                counts.computeIfAbsent(g, k -> new long[3])[0]++;
            } else {
                counts.computeIfAbsent(p, k -> new long[3])[1]++;
                counts.computeIfAbsent(g, k -> new long[3])[2]++;
            }
        }
        double f1 = 0;
        for (String label : new TreeSet<>(counts.keySet())) {
            long[] c = counts.get(label);
            f1 += c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
        }
        int n = gold.size();
        return new Evaluation(n == 0 ? 0 : (double) correct / n, counts.isEmpty() ? 0 : f1 / counts.size(), n);
    }
}
