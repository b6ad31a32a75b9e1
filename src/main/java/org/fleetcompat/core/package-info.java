/**
 * The compatibility model and the matrix kernel: compare operations with exact unsigned 64-bit
 * semantics, reasons and return codes, vector sets, the class-level bitmap kernel, and the baseline
 * of a set of hosts ({@link org.fleetcompat.core.Baseline}).
 *
 * <p>Plain Java: no Spark, Hadoop, Parquet, Arrow or logging (checked by {@code ArchitectureTest}).
 * Depends on nothing else in fleetcompat.
 *
 * <pre>{@code
 * VectorSet vm = VectorSet.builder().add(0x10000102, CompareOperation.SUB_SET, 0x3L).build();
 * VectorSet host = VectorSet.builder().add(0x10000102, CompareOperation.SUB_SET, 0x7L).build();
 * boolean fits = PairCheck.isCompatible(vm, host);               // true
 * MatrixKernel kernel = new MatrixKernel(HostClassIndex.of(List.of(host)));
 * BitSet hostClasses = kernel.compatibleHostClasses(vm);        // {0}
 * }</pre>
 */
package org.fleetcompat.core;
