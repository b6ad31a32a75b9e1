/**
 * Drift between two results of the same fleet (last night's and tonight's): which VMs lost or
 * gained hosts and why, which pools split, merged, appeared or vanished (matched by their hosts,
 * not their numbers), which hosts changed and which vector and bits ("cpuid_features 0x10000701
 * lost 0x800 on 25 hosts of cl-cooperlake-a"), what each change cost or gained in VMs and pairs,
 * new and vanished blockers, systems that appeared, vanished or got quarantined.
 *
 * <p>Also the reading side of a result directory for the report and drift: {@link
 * org.fleetcompat.drift.ResultDirectory} (manifest checks, tables read once and checked against the
 * manifest's row counts), {@link org.fleetcompat.drift.ResultManifest} (the one class that knows
 * manifest.json's field names), {@link org.fleetcompat.drift.ResultErrors} (every user-facing
 * error: 32773 for a missing, damaged or partial result and for results of different fleets, 32770
 * for another format version).
 *
 * <p>The drift tables are declared once in {@link org.fleetcompat.drift.DriftTable} (name, grain,
 * columns and their meaning, sort order); {@link org.fleetcompat.drift.DriftTableRows} makes their
 * rows and {@link org.fleetcompat.drift.DriftJob} writes them with {@code drift_summary.json}.
 *
 * <p>Depends on {@code io} and {@code core} only; never on Spark, {@code job}, {@code cli} or
 * {@code report} (which uses this package). Public surface: {@code DriftJob}, {@code
 * DriftCalculator}, {@code Drift} and its row records, {@code DriftTable}, {@code ResultDirectory};
 * the rest is plumbing.
 *
 * <pre>{@code
 * Storage storage = LocalStorage.INSTANCE;
 * DriftJob.Result r = DriftJob.run("/data/last-night", "/data/tonight", "/data/drift");
 * r.summary().topCauses().forEach(System.out::println);
 * // in memory, without writing:
 * Drift d = DriftCalculator.compute(
 *     ResultDirectory.open(storage, lastNight), ResultDirectory.open(storage, tonight));
 * }</pre>
 */
package org.fleetcompat.drift;
