package io.kefu.server.outreach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The message templates, each edit kept as a new version (the owner of {@code outreach_templates}). */
@Component
class TemplateStore {

    private static final TypeReference<List<String>> BUTTONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The latest version of a template. */
    Optional<Template> latest(String id) {
        return jdbc.sql("select id, version, title, body, buttons from outreach_templates where id = ? "
                        + "order by version desc").param(id).withMaxRows(1).query(this::template).optional();
    }

    /** The latest version of every template. */
    List<Template> all() {
        return jdbc.sql("select t.id, t.version, t.title, t.body, t.buttons from outreach_templates t "
                        + "where t.version = (select max(v.version) from outreach_templates v where v.id = t.id) "
                        + "order by t.id").query(this::template).list();
    }

    /** Stores a new version (1 for a new template) and returns it. */
    @Transactional
    Template save(String id, String title, String body, List<String> buttons, String author) {
        int version = jdbc.sql("select coalesce(max(version), 0) from outreach_templates where id = ?").param(id)
                .query(Integer.class).single() + 1;
        jdbc.sql("insert into outreach_templates (id, version, title, body, buttons, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, version, title, body, json.writeValueAsString(buttons), author,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return new Template(id, version, title, body, buttons);
    }

    private Template template(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getString("id"), rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                json.readValue(rs.getString("buttons"), BUTTONS));
    }
}
