package org.fleetcompat.local;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.fleetcompat.core.FleetcompatException;
import org.fleetcompat.io.InputSplit;
import org.fleetcompat.io.Storage;
import org.fleetcompat.pipeline.PipelineErrors;
import org.fleetcompat.pipeline.Runner;

/**
 * The in-process runner: the pipeline's stages on a pool of threads of this JVM, one per core by
 * default, with no Spark session. Splits are read in parallel, each bucket's batches are handed to
 * its builder in split order, and bucket functions run in parallel; states stay on the heap.
 *
 * <p>A failure in any task cancels the others and is rethrown as it was (a {@link
 * FleetcompatException} keeps its status), so the caller can abandon the run. Thread safe for one
 * stage at a time.
 */
public final class LocalRunner implements Runner {
  private final int threads;
  private final ExecutorService pool;

  /** A runner with one thread per available core. */
  public LocalRunner() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A runner with {@code threads} threads (at least 1). */
  public LocalRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + ": expected at least 1");
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "fleetcompat-local-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool = Executors.newFixedThreadPool(threads, factory);
  }

  /** How many threads run tasks. */
  public int threads() {
    return threads;
  }

  @Override
  public String name() {
    return "local";
  }

  /** Local paths through {@code java.nio}; others through Hadoop with a default configuration. */
  @Override
  public Storage storage(String path) {
    return Storage.forPath(path, org.apache.hadoop.conf.Configuration::new);
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("master", "in-process");
    d.put("parallelism", Integer.toString(threads));
    return d;
  }

  @Override
  public <S extends Serializable> Buckets<S> partition(
      List<InputSplit> splits, SplitReader read, int buckets, BucketBuilder<S> build) {
    List<Callable<Object[]>> reads = new ArrayList<>();
    for (InputSplit s : splits) {
      reads.add(() -> read.read(s));
    }
    List<Object[]> bySplit = runAll(reads);
    List<InputSplit> order = new ArrayList<>(splits);
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      positions.add(i);
    }
    positions.sort(
        Comparator.<Integer, String>comparing(i -> order.get(i).table().name())
            .thenComparingInt(i -> order.get(i).index()));
    List<Callable<S>> builds = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      int bucket = b;
      List<Object> batches = new ArrayList<>();
      for (int i : positions) {
        Object batch = bySplit.get(i)[bucket];
        if (batch != null) {
          batches.add(batch);
        }
      }
      builds.add(() -> build.build(bucket, batches));
    }
    bySplit.clear();
    return new LocalBuckets<>(runAll(builds));
  }

  @Override
  public <S extends Serializable, C extends Serializable, R extends Serializable> List<R> map(
      Buckets<S> buckets, C shared, BucketFunction<S, C, R> function) {
    List<S> states = ((LocalBuckets<S>) buckets).states;
    List<Callable<R>> calls = new ArrayList<>();
    for (int b = 0; b < states.size(); b++) {
      int bucket = b;
      calls.add(() -> function.apply(bucket, states.get(bucket), shared));
    }
    return runAll(calls);
  }

  @Override
  public <S extends Serializable, C extends Serializable, R extends Serializable> List<R> map(
      Buckets<S> buckets, C shared, BucketFunction<S, C, R> function, BucketDone<R> done) {
    return map(
        buckets,
        shared,
        (bucket, state, value) -> {
          R r = function.apply(bucket, state, value);
          done.finished(bucket, r);
          return r;
        });
  }

  @Override
  public void release(Buckets<?> buckets) {
    ((LocalBuckets<?>) buckets).states.clear();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Runs every call on the pool; the first failure cancels the rest and is rethrown. */
  private <T> List<T> runAll(List<Callable<T>> calls) {
    if (calls.size() == 1 || threads == 1) {
      List<T> out = new ArrayList<>(calls.size());
      for (Callable<T> c : calls) {
        out.add(call(c));
      }
      return out;
    }
    List<Future<T>> futures = new ArrayList<>(calls.size());
    for (Callable<T> c : calls) {
      futures.add(pool.submit(c));
    }
    List<T> out = new ArrayList<>(calls.size());
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw PipelineErrors.interrupted(e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw unwrap(e.getCause());
    }
  }

  private static <T> T call(Callable<T> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return PipelineErrors.taskFailed(t);
  }

  /** The states, in bucket order. */
  private static final class LocalBuckets<S> implements Buckets<S> {
    private final List<S> states;

    LocalBuckets(List<S> states) {
      this.states = new ArrayList<>(states);
    }

    @Override
    public int count() {
      return states.size();
    }
  }
}
