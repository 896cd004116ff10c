package io.kefu.server.content;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.kefu.server.content.VersionStore.clip;
import static io.kefu.server.content.VersionStore.instant;
import static io.kefu.server.content.VersionStore.utc;

/** Releases, the versions each holds, and the release in force (tables {@code content_releases}, {@code
 * content_release_entries}, {@code content_live}). */
@Repository
class ReleaseStore {

    private final JdbcClient jdbc;
    /** For batches, which {@link JdbcClient} does not do. */
    private final JdbcTemplate batch;

    ReleaseStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The release every node answers from; empty before the first load. */
    Optional<Long> live() {
        return jdbc.sql("select release_id from content_live where id = 1").query(Long.class).optional();
    }

    /**
     * Stores a release with its versions and makes it the live one. Call inside a transaction; the live row is
     * locked first, so two publishes one after the other number their releases in order.
     */
    Release insertLive(String note, String by, Instant at, List<Long> versionIds, String gate, String overrideReason,
                       Long restoredFrom) {
        Optional<Long> current = jdbc.sql("select release_id from content_live where id = 1 for update")
                .query(Long.class).optional();
        long id = jdbc.sql("select coalesce(max(id), 0) + 1 from content_releases").query(Long.class).single();
        jdbc.sql("insert into content_releases (id, note, published_by, published_at, entries, gate, override_reason, "
                        + "restored_from) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, clip(note, 500), by, utc(at), versionIds.size(), gate, clip(overrideReason, 1000),
                        restoredFrom)
                .update();
        var rows = new java.util.ArrayList<Object[]>(versionIds.size());
        for (int i = 0; i < versionIds.size(); i++) rows.add(new Object[]{id, versionIds.get(i), i});
        batch.batchUpdate("insert into content_release_entries (release_id, version_id, position) values (?, ?, ?)", rows);
        if (current.isPresent()) {
            jdbc.sql("update content_live set release_id = ? where id = 1").param(id).update();
        } else {
            jdbc.sql("insert into content_live (id, release_id) values (1, ?)").param(id).update();
        }
        return find(id).orElseThrow();
    }

    Optional<Release> find(long id) {
        return jdbc.sql("select * from content_releases where id = ?").param(id).query(ReleaseStore::release).optional();
    }

    /** Newest first. */
    List<Release> all() {
        return jdbc.sql("select * from content_releases order by id desc").query(ReleaseStore::release).list();
    }

    /** The versions a release holds, in the knowledge base's order. */
    List<Long> versions(long releaseId) {
        return jdbc.sql("select version_id from content_release_entries where release_id = ? order by position")
                .param(releaseId).query(Long.class).list();
    }

    private static Release release(ResultSet rs, int row) throws SQLException {
        long restoredId = rs.getLong("restored_from");
        Long restored = rs.wasNull() ? null : restoredId;
        return new Release(rs.getLong("id"), rs.getString("note"), rs.getString("published_by"),
                instant(rs, "published_at"), rs.getInt("entries"), rs.getString("gate"),
                rs.getString("override_reason"), restored);
    }
}
