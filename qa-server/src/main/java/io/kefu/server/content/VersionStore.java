package io.kefu.server.content;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The versions of every entry (table {@code content_versions}, its one owner). */
@Repository
class VersionStore {

    private static final String COLUMNS = "id, entry_id, body, retired, state, author, created_at, reviewer, "
            + "review_comment, reviewed_at, note";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** For batches, which {@link JdbcClient} does not do. */
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    VersionStore(JdbcClient jdbc, JsonMapper json, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = batch;
    }

    /** Stores a new version; returns its id. */
    long insert(EntryContent content, boolean retired, VersionState state, String author, Instant at, String note) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into content_versions (entry_id, body, retired, state, author, created_at, note) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(content.id(), json.writeValueAsString(content), retired, state.column(), author, utc(at),
                        clip(note, 500))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A version to store in a batch. */
    record NewVersion(EntryContent content, boolean retired) {
    }

    /** Stores many drafts in batches (an import): one round trip per thousand rather than per entry. */
    void insertDrafts(List<NewVersion> drafts, String author, Instant at, String note) {
        var rows = new java.util.ArrayList<Object[]>(drafts.size());
        for (NewVersion d : drafts) {
            rows.add(new Object[]{d.content().id(), json.writeValueAsString(d.content()), d.retired(),
                    VersionState.DRAFT.column(), author, utc(at), clip(note, 500)});
        }
        batch.batchUpdate("insert into content_versions (entry_id, body, retired, state, author, created_at, note) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Pending drafts of an entry other than its newest give way to the newest. */
    void supersedePendingBefore(String entryId) {
        jdbc.sql("update content_versions set state = 'superseded' where entry_id = ? and state in ('draft', 'rejected') "
                + "and id < (select max(id) from content_versions where entry_id = ?)").params(entryId, entryId).update();
    }

    /** Stores many published versions at once (a first load, a rollback); returns their ids in order. */
    List<Long> insertPublished(List<EntryContent> contents, String author, Instant at, String note) {
        var ids = new java.util.ArrayList<Long>(contents.size());
        for (EntryContent content : contents) {
            ids.add(insert(content, false, VersionState.PUBLISHED, author, at, note));
        }
        return ids;
    }

    Optional<EntryVersion> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from content_versions where id = ?").param(id).query(this::version)
                .optional();
    }

    /** Every version of an entry, oldest first. */
    List<EntryVersion> history(String entryId) {
        return jdbc.sql("select " + COLUMNS + " from content_versions where entry_id = ? order by id").param(entryId)
                .query(this::version).list();
    }

    List<EntryVersion> inState(VersionState state) {
        return jdbc.sql("select " + COLUMNS + " from content_versions where state = ? order by id")
                .param(state.column()).query(this::version).list();
    }

    /** The versions, in the order of {@code ids}. */
    List<EntryVersion> byIds(List<Long> ids) {
        var byId = new java.util.HashMap<Long, EntryVersion>(ids.size() * 2);
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("select " + COLUMNS + " from content_versions where id in (:ids)").param("ids", chunk)
                    .query(this::version).list().forEach(v -> byId.put(v.id(), v));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Lists of ids small enough for one {@code in (...)}. */
    private static List<List<Long>> chunks(List<Long> ids) {
        var out = new java.util.ArrayList<List<Long>>();
        for (int i = 0; i < ids.size(); i += 1000) out.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        return out;
    }

    /**
     * The latest approved or published version of every entry that has one, by entry id: the state a publish
     * makes live (retired versions included, so the caller sees the retirement).
     */
    Map<String, EntryVersion> approvedState() {
        var latest = new LinkedHashMap<String, EntryVersion>();
        jdbc.sql("select " + COLUMNS + " from content_versions where state in ('approved', 'published') order by id")
                .query(this::version).list().forEach(v -> latest.put(v.entryId(), v));
        return latest;
    }

    /** The newest version of every entry, whatever its state: what the editor sees. */
    Map<String, EntryVersion> newest() {
        var latest = new LinkedHashMap<String, EntryVersion>();
        jdbc.sql("select " + COLUMNS + " from content_versions where state <> 'superseded' order by id")
                .query(this::version).list().forEach(v -> latest.put(v.entryId(), v));
        return latest;
    }

    /** Earlier drafts of an entry, not yet reviewed or sent back, are replaced by a newer one. */
    void supersedePending(String entryId, long newer) {
        jdbc.sql("update content_versions set state = 'superseded' where entry_id = ? and id < ? "
                + "and state in ('draft', 'rejected')").params(entryId, newer).update();
    }

    void review(long id, VersionState state, String reviewer, String comment, Instant at) {
        jdbc.sql("update content_versions set state = ?, reviewer = ?, review_comment = ?, reviewed_at = ? where id = ?")
                .params(state.column(), reviewer, clip(comment, 1000), utc(at), id).update();
    }

    void markPublished(List<Long> ids) {
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("update content_versions set state = 'published' where id in (:ids) and state = 'approved'")
                    .param("ids", chunk).update();
        }
    }

    private EntryVersion version(ResultSet rs, int row) throws SQLException {
        return new EntryVersion(rs.getLong("id"), rs.getString("entry_id"),
                json.readValue(rs.getString("body"), EntryContent.class), rs.getBoolean("retired"),
                VersionState.ofColumn(rs.getString("state")), rs.getString("author"), instant(rs, "created_at"),
                rs.getString("reviewer"), rs.getString("review_comment"), instant(rs, "reviewed_at"),
                rs.getString("note"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
