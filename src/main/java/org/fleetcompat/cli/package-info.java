/**
 * The {@code jobs/fleetcompat} command line: argument parsing (picocli), exit codes, summaries.
 * Nothing else: every command delegates to a job.
 *
 * <p>Depends on {@code job} and, for the session options, {@code spark}.
 *
 * <pre>{@code
 * int exit = FleetcompatCommand.execute(
 *     "run", "--snapshot", "data-samples/cpu-fleet", "--out", "/tmp/result", "--pairs");
 * // 0 on success; 3 for status 32773, 4 for 32776, 5 for check's 32784 (and a stuck
 * // maintenance order), 6 for 32770, 1 otherwise
 * }</pre>
 */
package org.fleetcompat.cli;
