package org.fleetcompat.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.function.Function;

/**
 * An iterator that maps each element of another one lazily: how a task streams one output row per
 * input row without holding its partition in memory.
 *
 * @param <A> the input element
 * @param <B> the output element
 */
final class MappedIterator<A, B> implements Iterator<B> {
  /** A serializable mapping, so it can be built inside Spark closures. */
  interface Mapping<A, B> extends Function<A, B>, Serializable {}

  private final Iterator<A> in;
  private final Mapping<A, B> f;

  MappedIterator(Iterator<A> in, Mapping<A, B> f) {
    this.in = in;
    this.f = f;
  }

  @Override
  public boolean hasNext() {
    return in.hasNext();
  }

  @Override
  public B next() {
    return f.apply(in.next());
  }
}
