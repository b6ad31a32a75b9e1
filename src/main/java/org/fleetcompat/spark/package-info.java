/**
 * Dataset plumbing only: load and normalize the snapshot tables, validate and quarantine (one
 * shuffle by system, io's rules in each task), group systems into classes, broadcast the host side
 * and run the core kernel in {@code mapPartitions}.
 *
 * <p>Depends on {@code io} and {@code core}; holds no compatibility logic of its own.
 *
 * <pre>{@code
 * Dataset<Row> rows = VectorTableLoader.load(spark, inputs.required(SnapshotTable.VM_VECTORS));
 * ValidatedTable vms = VectorValidation.validate(rows, SnapshotTable.VM_VECTORS);
 * SystemClasses classes = SystemClasses.of(vms.accepted());
 * Dataset<Row> matrix = MatrixStage.classMatrix(spark, classes.classes(), hostClasses);
 * }</pre>
 */
package org.fleetcompat.spark;
