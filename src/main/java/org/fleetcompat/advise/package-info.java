/**
 * Advisors on class-level data: which baseline a host set should use ({@link
 * org.fleetcompat.advise.BaselineAdvisor}: the set's own baseline and those of subsets that drop
 * the most constraining host classes, with the VMs that could then move freely and the features
 * given up, as a Pareto table) and which hosts to retire or upgrade ({@link
 * org.fleetcompat.advise.RetireAdvisor}: the smallest host sets whose removal most raises the
 * baseline or the VMs that fit every remaining host, with their effect on stranded VMs). Every
 * evaluation runs on a {@link org.fleetcompat.advise.ClassFleet} (host classes, VM classes, the
 * class matrix and VM counts by class and current host), never per VM-host pair, so one costs
 * milliseconds.
 *
 * <p>Depends on {@code core}, and on {@code drift} only for reading a result directory ({@link
 * org.fleetcompat.drift.ResultDirectory}, in {@link org.fleetcompat.advise.ResultFleetReader}); no
 * Spark, Hadoop, Parquet or Arrow API is used here. Public surface: the advisors, their result
 * records ({@code BaselineCandidate}, {@code FeatureLoss}, {@code RetireOption}, {@code
 * BaselineChange}, {@code RetireGoal}), {@code ClassFleet}, {@code ResultFleetReader} and {@code
 * HostSelection}.
 *
 * <pre>{@code
 * ClassFleet fleet = ResultFleetReader.read(ResultDirectory.open("/data/result"));
 * BitSet hosts = HostSelection.cluster(fleet, "cl-icelake-a", "/data/result");
 * List<BaselineCandidate> table = BaselineAdvisor.candidates(fleet, hosts);
 * List<RetireOption> retire = RetireAdvisor.advise(fleet, hosts, 3);
 * }</pre>
 */
package org.fleetcompat.advise;
