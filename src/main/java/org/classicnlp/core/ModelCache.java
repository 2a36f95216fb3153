package org.classicnlp.core;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The models of this JVM, loaded once each and shared: what a deserialised model resolves to, so that a Spark
 * executor (or any JVM that reads serialised analyzers, taggers or models) loads each model once however many
 * tasks, records or copies refer to it, and no job code needs a static singleton of its own.
 *
 * <p>Entries are keyed by kind and id: the content hash of a {@link ModelRef}, or a built-in name. Loading is
 * lazy and thread-safe: concurrent first uses of one key wait for a single load; a failed load is not kept,
 * so a later use tries again. Entries live as long as the JVM (models are immutable and shared); {@link
 * #clear} drops them. {@link #loads} counts the loads per kind, so tests and jobs can check that a model was
 * loaded once per JVM, not per task or record.
 */
public final class ModelCache {

    private static final ConcurrentMap<String, Entry> ENTRIES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, AtomicLong> LOADS = new ConcurrentHashMap<>();

    private ModelCache() {
    }

    /** Builds the value of a key; serialisable so that it can travel inside a {@link Proxy}. */
    @FunctionalInterface
    public interface Loader<T> extends Serializable {
        T load();
    }

    /** Reads a model from its bytes. */
    @FunctionalInterface
    public interface StreamLoader<T> {
        T load(InputStream in, String source);
    }

    /** The value of ({@code kind}, {@code id}), built by {@code loader} on the first call in this JVM. */
    @SuppressWarnings("unchecked")
    public static <T> T get(String kind, String id, Loader<T> loader) {
        Entry e = ENTRIES.computeIfAbsent(kind + "@" + id, k -> new Entry());
        Object v = e.value;
        if (v != null) {
            return (T) v;
        }
        synchronized (e) {
            if (e.value == null) {
                try {
                    Object loaded = java.util.Objects.requireNonNull(loader.load(), "loader returned null");
                    LOADS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    e.value = loaded;
                } catch (RuntimeException | Error ex) {
                    ENTRIES.remove(kind + "@" + id, e);
                    throw ex;
                }
            }
            return (T) e.value;
        }
    }

    /**
     * The model {@code ref} points to, read by {@code loader} from its (hash-checked) bytes on the first call
     * in this JVM for that content hash.
     */
    public static <T> T get(String kind, ModelRef ref, StreamLoader<T> loader) {
        return get(kind, ref.sha256(), () -> loader.load(new ByteArrayInputStream(ref.bytes()), ref.name()));
    }

    /** How many values of {@code kind} this JVM has loaded. */
    public static long loads(String kind) {
        AtomicLong n = LOADS.get(kind);
        return n == null ? 0 : n.get();
    }

    /** Whether ({@code kind}, {@code id}) is loaded in this JVM. */
    public static boolean contains(String kind, String id) {
        Entry e = ENTRIES.get(kind + "@" + id);
        return e != null && e.value != null;
    }

    /** Forgets every entry (the load counts stay): the next use of each key loads again. */
    public static void clear() {
        ENTRIES.clear();
    }

    /**
     * The {@link Proxy} of a model loaded through {@code ref}, which {@code resolve} loads again (through this
     * cache) on the receiving JVM; for a {@code writeReplace}.
     *
     * @throws java.io.NotSerializableException naming {@code what} when the model has no reference (trained,
     *                                          pruned or loaded from a plain path in this JVM)
     */
    public static Proxy proxyOf(String what, ModelRef ref, Loader<?> resolve) throws java.io.NotSerializableException {
        if (ref == null) {
            throw new java.io.NotSerializableException(what + " has no model reference (it was trained, changed or"
                    + " loaded from a plain path in this JVM), so it cannot ship as one: save it and load it through a"
                    + " ModelRef (ModelRef.file, ModelRef.resource, or a Spark broadcast with"
                    + " org.classicnlp.spark.SparkModels) before using it in a serialised job");
        }
        return new Proxy(what, null, resolve);
    }

    private static final class Entry {
        volatile Object value;
    }

    /**
     * The serialised form of a shared object: a small {@link Loader} that rebuilds it (from a {@link ModelRef},
     * a built-in name, a spec) and, when a key is given, the cache key under which the receiving JVM keeps the
     * one instance. Classes return one from {@code writeReplace}; {@code readResolve} gives the instance.
     */
    public static final class Proxy implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final String id;
        private final Loader<?> loader;

        /** Resolves to the cached value of ({@code kind}, {@code id}); {@code id} null: {@code loader}'s result, uncached. */
        public Proxy(String kind, String id, Loader<?> loader) {
            this.kind = kind;
            this.id = id;
            this.loader = java.util.Objects.requireNonNull(loader, "loader");
        }

        private Object readResolve() throws ObjectStreamException {
            return id == null ? loader.load() : get(kind, id, loader);
        }
    }
}
