package org.fleetcompat.core;

/**
 * Whether a set of hosts has a baseline value for one {@code vector_id} (SPEC section 6), and if
 * not, why. Only {@link #VALUE} carries a value; every other status means the vector is left out of
 * {@link Baseline#vmVectors()}. The names are a stable contract: they appear in the {@code
 * baseline} command's output and in pool reports. Immutable and thread safe.
 */
public enum BaselineStatus {
  /**
   * The hosts agree on the operation and a VM value passes on every one of them: {@link
   * BaselineVector#value()} is the one that constrains least. A planner can configure VMs at that
   * value (or anything it dominates, see {@link Baseline}) and move them freely within the set, as
   * far as this vector goes.
   */
  VALUE,

  /**
   * Equal, and the hosts report different values: no VM value passes on all of them. A planner
   * reads it as a hard split: the set holds at least two groups that no VM carrying this vector can
   * move between.
   */
  EQUAL_DISAGREES,

  /**
   * Multiple, every host value is non-zero, and their least common multiple does not fit in 64
   * unsigned bits: no positive VM value passes on all of them. Only the degenerate value 0 (a
   * multiple of everything) would pass; it is not offered, because no real configuration of a VM
   * reports it. A planner reads it as "the hosts' granularities are incompatible": split the set.
   */
  LCM_OVERFLOW,

  /**
   * LessThan with a host value 0 (nothing is below it), or GreaterThan with a host value 2^64-1
   * (nothing is above it): no VM value passes on that host, so none passes on the whole set. A
   * planner reads it as "that host accepts no VM carrying this vector": leave it out of the set.
   */
  NO_VALUE_AT_EDGE,

  /**
   * Multiple with a host value 0: that host never accepts a VM carrying this vector (SPEC's {@code
   * ZERO_OPERAND}), so no VM value passes on the whole set. A planner reads it like {@link
   * #NO_VALUE_AT_EDGE}: leave the zero host out of the set.
   */
  ZERO_HOST_VALUE,

  /**
   * Divisor, and every host value is 0. Every non-zero VM value divides 0, so every non-zero VM
   * value passes on every host (0 fails, SPEC's {@code ZERO_OPERAND}); but no single value is
   * divisible by all the others, so there is no least constraining one to name. A planner reads it
   * as "this vector does not restrict placement within the set, as long as the VM's value is not
   * 0".
   */
  ANY_NON_ZERO,

  /**
   * At least one host of the set has no vector with this id, while others have it, all with the
   * same operation ({@link BaselineVector#operation()} is that operation). A VM carrying the vector
   * fails on the hosts that lack it (SPEC's {@code MISSING_ON_HOST}); a VM without it passes
   * everywhere as far as this vector goes. A planner reads it as "only VMs that do not report this
   * vector can use the whole set".
   */
  MISSING_ON_SOME_HOST,

  /**
   * The hosts that have this id disagree on its compare operation ({@link
   * BaselineVector#operation()} is {@code null}): a VM carrying the vector fails on every host
   * whose operation differs from its own (SPEC's {@code OPERATION_MISMATCH}), whatever its value.
   * This status wins over {@link #MISSING_ON_SOME_HOST} when both hold, so that a status other than
   * this one always names an operation. A planner reads it as a configuration split in the fleet.
   */
  OPERATION_DIFFERS
}
