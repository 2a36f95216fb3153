package org.classicnlp.tfidf;

/**
 * NumPy's default {@code argsort} ({@code kind="quicksort"}: introsort with median-of-three pivots,
 * insertion sort for partitions of at most 16 elements and a heapsort fallback) re-implemented step for step, so that
 * {@code max_features} keeps exactly the terms scikit-learn keeps when corpus frequencies tie.
 * scikit-learn selects with {@code (-tfs[mask]).argsort()[:limit]}; the sort is not stable, so the
 * order of tied terms is whatever this exact algorithm produces (NumPy 1.24 generic path, as in
 * {@code numpy/core/src/npysort/quicksort.cpp} {@code aquicksort_} and {@code heapsort.cpp}
 * {@code aheapsort_}). The test suite checks it against {@code numpy.argsort} on random arrays with many
 * ties.
 */
final class NumpyArgsort {

    private static final int SMALL_QUICKSORT = 15;
    private static final int PYA_QS_STACK = 128;

    private NumpyArgsort() {
    }

    /** Indices that sort {@code v} ascending, as {@code numpy.argsort(v)} returns them. */
    static int[] argsort(long[] v) {
        int num = v.length;
        int[] tosort = new int[num];
        for (int i = 0; i < num; i++) {
            tosort[i] = i;
        }
        if (num < 2) {
            return tosort;
        }
        int pl = 0;
        int pr = num - 1;
        int[] stack = new int[PYA_QS_STACK];
        int sptr = 0;
        int[] depth = new int[PYA_QS_STACK];
        int psdepth = 0;
        int cdepth = msb(num) * 2;
        for (;;) {
            if (cdepth < 0) {
                heapsort(v, tosort, pl, pr - pl + 1);
            } else {
                while (pr - pl > SMALL_QUICKSORT) {
                    int pm = pl + ((pr - pl) >> 1);
                    if (v[tosort[pm]] < v[tosort[pl]]) {
                        swap(tosort, pm, pl);
                    }
                    if (v[tosort[pr]] < v[tosort[pm]]) {
                        swap(tosort, pr, pm);
                    }
                    if (v[tosort[pm]] < v[tosort[pl]]) {
                        swap(tosort, pm, pl);
                    }
                    long vp = v[tosort[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    swap(tosort, pm, pj);
                    for (;;) {
                        do {
                            ++pi;
                        } while (v[tosort[pi]] < vp);
                        do {
                            --pj;
                        } while (vp < v[tosort[pj]]);
                        if (pi >= pj) {
                            break;
                        }
                        swap(tosort, pi, pj);
                    }
                    int pk = pr - 1;
                    swap(tosort, pi, pk);
                    // push the larger partition on the stack
                    if (pi - pl < pr - pi) {
                        stack[sptr++] = pi + 1;
                        stack[sptr++] = pr;
                        pr = pi - 1;
                    } else {
                        stack[sptr++] = pl;
                        stack[sptr++] = pi - 1;
                        pl = pi + 1;
                    }
                    depth[psdepth++] = --cdepth;
                }
                // insertion sort
                for (int pi = pl + 1; pi <= pr; ++pi) {
                    int vi = tosort[pi];
                    long vpv = v[vi];
                    int pj = pi;
                    int pk = pi - 1;
                    while (pj > pl && vpv < v[tosort[pk]]) {
                        tosort[pj--] = tosort[pk--];
                    }
                    tosort[pj] = vi;
                }
            }
            if (sptr == 0) {
                break;
            }
            pr = stack[--sptr];
            pl = stack[--sptr];
            cdepth = depth[--psdepth];
        }
        return tosort;
    }

    /** NumPy's {@code aheapsort_} on {@code tosort[off, off+n)}; the heap is 1-based. */
    private static void heapsort(long[] v, int[] tosort, int off, int n) {
        int base = off - 1; // a[i] == tosort[base + i]
        int i;
        int j;
        int tmp;
        for (int l = n >> 1; l > 0; --l) {
            tmp = tosort[base + l];
            for (i = l, j = l << 1; j <= n;) {
                if (j < n && v[tosort[base + j]] < v[tosort[base + j + 1]]) {
                    j += 1;
                }
                if (v[tmp] < v[tosort[base + j]]) {
                    tosort[base + i] = tosort[base + j];
                    i = j;
                    j += j;
                } else {
                    break;
                }
            }
            tosort[base + i] = tmp;
        }
        for (; n > 1;) {
            tmp = tosort[base + n];
            tosort[base + n] = tosort[base + 1];
            n -= 1;
            for (i = 1, j = 2; j <= n;) {
                if (j < n && v[tosort[base + j]] < v[tosort[base + j + 1]]) {
                    j++;
                }
                if (v[tmp] < v[tosort[base + j]]) {
                    tosort[base + i] = tosort[base + j];
                    i = j;
                    j += j;
                } else {
                    break;
                }
            }
            tosort[base + i] = tmp;
        }
    }

    private static int msb(int unum) {
        int depthLimit = 0;
        while ((unum >>= 1) != 0) {
            depthLimit++;
        }
        return depthLimit;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
