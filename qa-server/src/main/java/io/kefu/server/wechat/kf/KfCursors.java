package io.kefu.server.wechat.kf;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where {@code sync_msg} goes on for each customer-service account ({@code wechat_kf_cursors}, its one owner), kept
 * in the database so that a restarted node, or another one, does not pull WeCom's messages from the start again.
 */
@Component
class KfCursors {

    private final JdbcClient jdbc;

    KfCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cursor to pull from; empty before the first pull (from WeCom's oldest message it keeps). */
    Optional<String> cursor(String account) {
        return jdbc.sql("select next_cursor from wechat_kf_cursors where account = ?").param(account)
                .query(String.class).optional().filter(c -> !c.isEmpty());
    }

    /**
     * Moves the cursor on from {@code from} (null: none yet); false when another node moved it first, and the page
     * read from {@code from} is that node's to finish (each of its messages is processed once in any case).
     */
    boolean advance(String account, String from, String to) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (from == null) {
            try {
                jdbc.sql("insert into wechat_kf_cursors (account, next_cursor, updated_at) values (?, ?, ?)")
                        .params(account, to, now).update();
                return true;
            } catch (DuplicateKeyException e) {
                return jdbc.sql("update wechat_kf_cursors set next_cursor = ?, updated_at = ? where account = ?"
                        + " and next_cursor = ''").params(to, now, account).update() == 1;
            }
        }
        return jdbc.sql("update wechat_kf_cursors set next_cursor = ?, updated_at = ? where account = ?"
                + " and next_cursor = ?").params(to, now, account, from).update() == 1;
    }
}
