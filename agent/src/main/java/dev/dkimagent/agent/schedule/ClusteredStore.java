package dev.dkimagent.agent.schedule;

import java.time.Duration;

/**
 * Where a clustered schedule keeps its jobs and triggers: Quartz's JDBC job store in the state
 * database (the {@code qrtz_*} tables of migration V5), shared by every node.
 *
 * @param nodeId           this node's Quartz instance id (cluster.node-id; unique in the cluster)
 * @param dataSource       the name Quartz's connections are registered under (the store's pool)
 * @param checkInInterval  how often this node tells the others it is alive; a node silent for
 *                         longer is taken as dead and its running jobs are recovered elsewhere
 * @param misfireThreshold how late a trigger may fire before it counts as missed
 */
public record ClusteredStore(String nodeId, String dataSource, Duration checkInInterval, Duration misfireThreshold) {
}
