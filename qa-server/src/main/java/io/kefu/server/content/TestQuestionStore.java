package io.kefu.server.content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.kefu.server.content.VersionStore.utc;

/**
 * The content team's test questions (table {@code content_test_questions}), seeded on first start from the golden
 * questions the knowledge module ships ({@value #SEED}: question TAB expected id, empty for out of scope).
 */
@Repository
class TestQuestionStore {

    static final String SEED = "golden/questions.tsv";
    private static final Logger log = LoggerFactory.getLogger(TestQuestionStore.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TestQuestionStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<TestQuestion> all() {
        return jdbc.sql("select id, question, expected, must_pass from content_test_questions order by id")
                .query((rs, row) -> new TestQuestion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    void add(List<TestQuestion> questions, String by, Instant at) {
        batch.batchUpdate("insert into content_test_questions (question, expected, must_pass, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?)",
                questions.stream().map(q -> new Object[]{q.question(), q.expected(), q.mustPass(), by, utc(at)}).toList());
    }

    void replaceAll(List<TestQuestion> questions, String by, Instant at) {
        jdbc.sql("delete from content_test_questions").update();
        add(questions, by, at);
    }

    /** On first start: the golden questions. Call with the first release, in its transaction. */
    void seed(Instant at) {
        if (jdbc.sql("select count(*) from content_test_questions").query(Long.class).single() > 0) return;
        List<TestQuestion> golden = golden();
        add(golden, LiveKnowledge.SYSTEM, at);
        log.info("{} test questions seeded from {}", golden.size(), SEED);
    }

    private static List<TestQuestion> golden() {
        try (InputStream in = TestQuestionStore.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) return List.of();
            var out = new ArrayList<TestQuestion>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) { // the first line is the header
                if (lines[i].isBlank()) continue;
                String[] cells = lines[i].split("\t", -1);
                String expected = cells.length > 1 && !cells[1].isBlank() ? cells[1].strip() : null;
                out.add(new TestQuestion(0, cells[0].strip(), expected, false));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED, e);
        }
    }
}
