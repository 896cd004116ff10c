package io.kefu.server.staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Who did what to which conversation or account, and when: sign-ins, takeovers, transfers, closes. */
@Component
public class AuditLog {

    private static final int DETAIL_LENGTH = 500;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry in the audit log, as stored. */
    public record Entry(String at, String actor, String action, String target, String detail, String address) {
    }

    public void record(String actor, String action, String target, String detail, String address) {
        jdbc.sql("insert into audit_log (at, actor, action, target, detail, address) values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC), clip(actor, 64), action, clip(target, 64),
                        clip(detail, DETAIL_LENGTH), clip(address, 64))
                .update();
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("select at, actor, action, target, detail, address from audit_log order by at desc")
                .withMaxRows(limit)
                .query((rs, row) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant().toString(),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
