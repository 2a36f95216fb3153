package org.classicnlp.core;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A re-iterable, lazily read sequence of items (documents, sentences, token lists). Every call to
 * {@link #stream()} reads the source again from the start, so trainers that need several passes never
 * hold the corpus in memory. See {@link Corpora} for the file readers.
 *
 * <p>Streams hold open files: close them (try-with-resources), or use {@link #forEach}, which does.
 */
@FunctionalInterface
public interface Corpus<T> extends Iterable<T> {

    /** A fresh lazy stream over the whole corpus; the caller closes it. */
    Stream<T> stream();

    @Override
    default void forEach(Consumer<? super T> action) {
        try (Stream<T> s = stream()) {
            s.forEachOrdered(action);
        }
    }

    /**
     * An iterator over a fresh pass. Its file is closed when the iterator is exhausted; prefer
     * {@link #stream()} in try-with-resources when a pass may stop early.
     */
    @Override
    default Iterator<T> iterator() {
        Stream<T> s = stream();
        Iterator<T> it = s.iterator();
        return new Iterator<>() {
            private boolean closed;

            @Override
            public boolean hasNext() {
                if (closed) {
                    return false;
                }
                boolean more = it.hasNext();
                if (!more) {
                    closed = true;
                    s.close();
                }
                return more;
            }

            @Override
            public T next() {
                return it.next();
            }
        };
    }

    default <R> Corpus<R> map(Function<? super T, ? extends R> mapper) {
        return () -> stream().map(mapper);
    }

    default Corpus<T> filter(Predicate<? super T> predicate) {
        return () -> stream().filter(predicate);
    }

    /** Counts the items by reading one full pass. */
    default long count() {
        try (Stream<T> s = stream()) {
            return s.count();
        }
    }
}
