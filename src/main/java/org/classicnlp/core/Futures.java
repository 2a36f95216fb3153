package org.classicnlp.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on worker results so that a worker's exception surfaces as itself, not wrapped. */
public final class Futures {

    private Futures() {
    }

    /** The result of {@code f}; a worker's unchecked exception or error is rethrown unchanged. */
    public static <R> R await(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
