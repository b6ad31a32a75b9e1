/**
 * Dataset plumbing only: load and normalize the snapshot tables, validate and quarantine (one
 * shuffle by system, io's rules in each task), group systems into classes, broadcast the host side
 * and run the core kernel in {@code mapPartitions}, collect the class matrix as bits, per-VM
 * feasibility rows, blocker tallies, the cold-migration what-if, and the lookup of single systems
 * for the point commands.
 *
 * <p>Depends on {@code io} and {@code core}; holds no compatibility logic of its own.
 *
 * <pre>{@code
 * Dataset<Row> rows = VectorTableLoader.load(spark, inputs.required(SnapshotTable.VM_VECTORS));
 * ValidatedTable vms = VectorValidation.validate(spark, rows, inputs.required(VM_VECTORS));
 * ValidatedTable hosts = ...; // the same for HOST_VECTORS
 * SystemClasses classes = SystemClasses.of(vms.accepted());
 * MatrixStage stage = new MatrixStage(spark, HostSide.of(hosts.accepted()));
 * FitMatrix fits = stage.fitMatrix(classes.classes());
 * }</pre>
 */
package org.fleetcompat.spark;
