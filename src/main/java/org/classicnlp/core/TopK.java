package org.classicnlp.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code k} best {@code (id, score)} pairs of a scan, kept in a small heap whose root is the worst kept
 * pair. A higher score is better; of equal scores the smaller id wins, so when ids arrive in increasing
 * order a later equal score never displaces a kept one (for word vectors: ties go to the more frequent
 * word). Check {@link #accepts} before any costly filtering of a candidate, then {@link #add} it.
 * Not thread-safe: one per query.
 */
public final class TopK {

    /** One kept pair. */
    public record Hit(int id, float score) {
    }

    private final int k;
    private final int[] ids;
    private final float[] scores;
    private int size;

    /** @param k how many pairs to keep, at least 1 */
    public TopK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        this.k = k;
        this.ids = new int[k];
        this.scores = new float[k];
    }

    /** Whether a pair with {@code score} would be kept now (fewer than k kept, or better than the worst). */
    public boolean accepts(float score) {
        return size < k || score > scores[0];
    }

    /** Keeps {@code (id, score)}, dropping the worst kept pair when k are kept; call after {@link #accepts}. */
    public void add(int id, float score) {
        if (size < k) {
            int i = size++;
            ids[i] = id;
            scores[i] = score;
            siftUp(i);
        } else {
            ids[0] = id;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** {@link #add}s the pair when it {@link #accepts} it. */
    public void offer(int id, float score) {
        if (accepts(score)) {
            add(id, score);
        }
    }

    /** Number of pairs kept (at most k). */
    public int size() {
        return size;
    }

    /** The kept pairs, best first (ties: smaller id first). */
    public List<Hit> best() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> scores[x] != scores[y] ? Float.compare(scores[y], scores[x])
                : Integer.compare(ids[x], ids[y]));
        List<Hit> out = new ArrayList<>(size);
        for (int i : order) {
            out.add(new Hit(ids[i], scores[i]));
        }
        return out;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!worse(i, p)) {
                break;
            }
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && worse(l, m)) {
                m = l;
            }
            if (r < size && worse(r, m)) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    /** Whether entry a ranks below entry b (lower score, or equal score and larger id). */
    private boolean worse(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
    }

    private void swap(int a, int b) {
        int ti = ids[a];
        ids[a] = ids[b];
        ids[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
