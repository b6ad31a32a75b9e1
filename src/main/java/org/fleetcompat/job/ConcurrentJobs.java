package org.fleetcompat.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent pieces of a pipeline at once, each submitting its own Spark jobs. Spark
 * schedules concurrent jobs from several threads on the same executors, so small jobs overlap their
 * fixed latencies (planning, scheduling, the first task) instead of queueing behind each other; on
 * a busy cluster they simply share the cores.
 */
final class ConcurrentJobs {
  private ConcurrentJobs() {}

  /** Runs every piece, waits for all, and returns their results in order; rethrows a failure. */
  static <T> List<T> run(List<Supplier<T>> pieces) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, pieces.size()));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Supplier<T> piece : pieces) {
        futures.add(pool.submit(piece::get));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(result(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Two results of different types, from {@link #both}. */
  record Both<A, B>(A first, B second) {}

  /** Runs two pieces at once, waits for both, and returns both results; rethrows a failure. */
  static <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
    List<Object> results = run(List.of(first::get, second::get));
    @SuppressWarnings("unchecked")
    Both<A, B> both = new Both<>((A) results.get(0), (B) results.get(1));
    return both;
  }

  /**
   * Waits for {@code f} and returns its result; rethrows its failure as it was thrown when
   * unchecked, wrapped in an {@link IllegalStateException} when checked.
   */
  static <T> T result(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running jobs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
