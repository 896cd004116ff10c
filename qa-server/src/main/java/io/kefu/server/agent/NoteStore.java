package io.kefu.server.agent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The owner of {@code conversation_notes}: what agents write about a conversation for each other, never shown to customers. */
@Repository
class NoteStore {

    private final JdbcClient jdbc;

    NoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A note on a conversation, for agents only. */
    record Note(String author, String text, Instant at) {
    }

    void insert(String conversationId, String author, String text, Instant now) {
        jdbc.sql("insert into conversation_notes (conversation_id, author, body, created_at) values (?, ?, ?, ?)")
                .params(conversationId, author, text, now.atOffset(ZoneOffset.UTC)).update();
    }

    List<Note> notes(String conversationId) {
        return jdbc.sql("select author, body, created_at from conversation_notes where conversation_id = ? "
                        + "order by created_at").param(conversationId)
                .query((rs, row) -> new Note(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }
}
