package org.fleetcompat.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fleetcompat.core.FitMatrix;
import org.fleetcompat.spark.HostSide;
import org.fleetcompat.spark.MatrixStage;
import org.fleetcompat.spark.SystemClasses;

/**
 * A validated snapshot with its class matrix and pools, as {@link RunPipeline#analyze} leaves it;
 * valid until the pipeline is closed.
 *
 * @param asReported accepted VM systems as reported ({@code system_id, vectors})
 * @param evaluated the VM systems evaluated: {@code asReported}, or its cold-migration what-if
 * @param vmClasses the classes of {@code evaluated}
 * @param hosts the host classes, on the driver
 * @param stage the broadcast host side
 * @param fits the class-level matrix
 * @param pools the pools, their tables and baselines
 */
record FleetAnalysis(
    Dataset<Row> asReported,
    Dataset<Row> evaluated,
    SystemClasses vmClasses,
    HostSide hosts,
    MatrixStage stage,
    FitMatrix fits,
    PoolTables pools) {}
