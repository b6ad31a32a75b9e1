/**
 * The compatibility model and the matrix kernel: compare operations with exact unsigned 64-bit
 * semantics, reasons and return codes, vector sets, the class-level bitmap kernel ({@code
 * MatrixKernel}, {@code FitMatrix}), compatibility pools and their partial order ({@code Pools}),
 * baselines ({@code Baseline}), the blocker tally ({@code BlockerTally}), the vector catalog, and
 * the single-system API of SPEC section 2 ({@link org.fleetcompat.core.SystemCompatibility}: a
 * system's blob in the {@link org.fleetcompat.core.BlobCodec} format, checked against a host).
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
 * byte[] blob = SystemCompatibility.info(SystemBlob.vm("vm-1", 2, vm));
 * CheckResult r = SystemCompatibility.check(blob, host);         // code 0, no reasons
 * }</pre>
 */
package org.fleetcompat.core;
