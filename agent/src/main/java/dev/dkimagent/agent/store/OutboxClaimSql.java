package dev.dkimagent.agent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Claims on outbox rows (V6), for agents that drain one outbox together. A claim is a node id and
 * a lease end on the row; the rows are picked with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and
 * H2 2.x alike), so two nodes claiming at the same moment never get the same row and never wait
 * for each other.
 */
final class OutboxClaimSql {

    private OutboxClaimSql() {
    }

    /**
     * Claims the due head message (the oldest pending one) of up to {@code limit} identities that
     * nobody holds, or whose holder's lease ended by {@code now}, for {@code node} until
     * {@code expires}. A later message of an identity is never claimed while an earlier one is
     * pending, so per identity the order of the outbox is kept across nodes.
     */
    static List<OutboxClaim> claim(Connection c, Instant now, int limit, String settings, String node,
                                   Instant expires) throws SQLException {
        List<OutboxClaim> picked = pick(c, now, limit, settings);
        if (picked.isEmpty()) {
            return picked;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET claimed_by = ?, claim_expires_at = ? WHERE id = ?")) {
            for (OutboxClaim claim : picked) {
                ps.setString(1, node);
                ps.setLong(2, expires.toEpochMilli());
                ps.setLong(3, claim.message().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return picked;
    }

    private static List<OutboxClaim> pick(Connection c, Instant now, int limit, String settings)
            throws SQLException {
        String heldElsewhere = settings == null ? "" : " OR (o.held_settings IS NOT NULL AND o.held_settings <> ?)";
        String sql = "SELECT o.id, o.identity_name, o.payload_format, o.payload_json, o.attempts, "
                + "o.uncertain_attempts, o.in_flight_at, o.first_sent_at, o.claimed_by FROM outbox o "
                + "WHERE o.status = ? AND (o.next_attempt <= ?" + heldElsewhere + ") "
                + "AND (o.claimed_by IS NULL OR o.claim_expires_at <= ?) "
                + "AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.status = ? AND p.identity_name = o.identity_name) "
                + "ORDER BY o.id LIMIT ? FOR UPDATE SKIP LOCKED";
        List<OutboxClaim> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, OutboxSql.PENDING);
            ps.setLong(i++, now.toEpochMilli());
            if (settings != null) {
                ps.setString(i++, settings);
            }
            ps.setLong(i++, now.toEpochMilli());
            ps.setString(i++, OutboxSql.PENDING);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxMessage message = new OutboxMessage(rs.getLong(1), rs.getString(2),
                            new Document(rs.getInt(3), rs.getString(4)), rs.getInt(5), rs.getInt(6),
                            Sql.instant(rs, 7), Sql.instant(rs, 8));
                    out.add(new OutboxClaim(message, rs.getString(9)));
                }
            }
        }
        return out;
    }

    /**
     * Extends {@code node}'s claims on the pending rows among {@code ids} to {@code expires};
     * returns how many it still held (a claim another node took over is not renewed).
     */
    static int renew(Connection c, Collection<Long> ids, String node, Instant expires) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE outbox SET claim_expires_at = ? WHERE claimed_by = ? AND status = ? AND id IN ("
                + placeholders(ids.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, expires.toEpochMilli());
            ps.setString(2, node);
            ps.setString(3, OutboxSql.PENDING);
            bindIds(ps, 4, ids);
            return ps.executeUpdate();
        }
    }

    /** Gives up {@code node}'s claims on {@code ids} (rows another node holds now are left alone). */
    static int release(Connection c, Collection<Long> ids, String node) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE outbox SET claimed_by = NULL, claim_expires_at = NULL WHERE claimed_by = ? AND id IN ("
                + placeholders(ids.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, node);
            bindIds(ps, 2, ids);
            return ps.executeUpdate();
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bindIds(PreparedStatement ps, int first, Collection<Long> ids) throws SQLException {
        int i = first;
        for (long id : ids) {
            ps.setLong(i++, id);
        }
    }
}
