package dev.dkimagent.agent.metrics;

/**
 * Every metric and label name the agent exposes: a contract with dashboards and alert rules
 * (docs/metrics.md lists the same names; a test keeps the two in step). Counters are named here
 * without {@code _total}: simpleclient appends it.
 */
public final class MetricNames {
    private MetricNames() {
    }

    // from the DNS snapshot, replaced each sweep
    public static final String RECORD_OK = "dkim_record_ok";
    public static final String RECORD_NOT_JUDGED = "dkim_record_not_judged";
    public static final String RECORD_TTL = "dkim_record_ttl_seconds";
    public static final String IDENTITY_INFO = "dkim_identity_info";
    public static final String ZONE_DISCOVERED = "dkim_zone_discovered";
    public static final String NAMESERVER_UP = "dkim_nameserver_up";
    public static final String ZONE_SOA_SERIAL = "dkim_zone_soa_serial";

    // from the SES view, replaced each SES sweep
    public static final String SES_DKIM_STATUS = "dkim_ses_dkim_status";
    public static final String SES_SIGNING_ENABLED = "dkim_ses_signing_enabled";
    public static final String SES_DEADLINE = "dkim_ses_verification_deadline_timestamp_seconds";

    // from the alert lifecycle, replaced on each publish
    public static final String FINDINGS = "dkim_findings";

    // events
    public static final String NAMESERVER_QUERY_DURATION = "dkim_nameserver_query_duration_seconds";
    public static final String DNS_QUERIES = "dkim_dns_queries";
    public static final String SES_API_CALLS = "dkim_ses_api_calls";
    public static final String NOTIFICATIONS = "dkim_notifications";
    public static final String NOTIFICATION_OUTBOX_PENDING = "dkim_notification_outbox_pending";
    public static final String NOTIFICATION_OUTBOX_HELD = "dkim_notification_outbox_held";
    public static final String SWEEP_DURATION = "dkim_sweep_duration_seconds";
    public static final String SWEEP_LAST_SUCCESS = "dkim_sweep_last_success_timestamp_seconds";
    public static final String SWEEPS = "dkim_sweeps";
    public static final String BUILD_INFO = "dkim_agent_build_info";
    public static final String SCHEDULE_INTERVAL = "dkim_agent_schedule_interval_seconds";

    // zone changes: NOTIFY, SOA watch, rechecks (ChangeMetrics)
    public static final String NOTIFY_RECEIVED = "dkim_notify_received";
    public static final String ZONE_RECHECKS = "dkim_zone_rechecks";
    public static final String RECHECKS_DROPPED = "dkim_notify_rechecks_dropped";
    public static final String CHANGE_TO_RECHECK = "dkim_zone_change_to_recheck_seconds";

    // the state store
    public static final String STATE_STORE_UP = "dkim_state_store_up";
    public static final String STATE_STORE_MOVED_ASIDE = "dkim_state_store_moved_aside";

    // the cluster (cluster mode only)
    public static final String CLUSTER_NODE_INFO = "dkim_cluster_node_info";
    public static final String CLUSTER_METRICS_PUBLISHER = "dkim_cluster_metrics_publisher";
    public static final String CLUSTER_NODES = "dkim_cluster_nodes";
    public static final String CLUSTER_SHARD_LAST_RUN = "dkim_cluster_shard_last_run_timestamp_seconds";
    public static final String CLUSTER_SHARD_LAST_RUN_SUCCESS = "dkim_cluster_shard_last_run_success";
    public static final String CLUSTER_SHARD_NODE_INFO = "dkim_cluster_shard_node_info";

    // label names
    public static final String IDENTITY = "identity";
    public static final String SELECTOR = "selector";
    public static final String NAMESERVER = "nameserver";
    public static final String ADDRESS = "address";
    public static final String ZONE = "zone";
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String RULE = "rule";
    public static final String TAG = "tag";
    /** The finding's level (critical, error, warning, info) on dkim_findings. */
    public static final String LEVEL = "level";
    /**
     * Deprecated on dkim_findings: the same value as {@link #LEVEL}, kept for one release because
     * it clashes with Alertmanager's routing label of the same name (docs/metrics.md, upgrade notes).
     */
    public static final String SEVERITY = "severity";
    public static final String KIND = "kind";
    public static final String OUTCOME = "outcome";
    public static final String OPERATION = "operation";
    public static final String CHANNEL = "channel";
    public static final String VERSION = "version";
    public static final String RESULT = "result";
    public static final String TRIGGER = "trigger";
    /** The cluster node id (cluster.node-id) on the cluster families. */
    public static final String NODE = "node";
    public static final String SHARD = "shard";
}
