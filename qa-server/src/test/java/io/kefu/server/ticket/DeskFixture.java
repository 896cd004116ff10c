package io.kefu.server.ticket;

import io.kefu.qa.dialog.HandoffReason;
import io.kefu.server.conversation.ConversationStore;
import io.kefu.server.conversation.HandoffState;
import io.kefu.server.conversation.Routing;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffAccount;
import io.kefu.server.staff.StaffService;
import io.kefu.server.system.KefuProperties;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The desk on a real H2 database migrated by Flyway, with the conversations' side and the staff accounts stood in
 * for: what a conversation's routing and visitor are, and which accounts exist, are set by the test.
 */
final class DeskFixture {

    static final Instant START = Instant.parse("2026-12-04T02:00:00Z"); // 10:00 in Beijing

    final JdbcClient jdbc;
    final MovableClock clock = new MovableClock(START);
    final ConversationStore conversations = mock(ConversationStore.class);
    final StaffService staff = mock(StaffService.class);
    final JdbcTicketStore store;
    final TicketEvents events;
    final TicketDesk desk;
    final TicketWork work;
    final List<Object> published = new ArrayList<>();
    final TicketSettings settings = TicketSettings.defaults();
    final KefuProperties properties;

    DeskFixture(Path dataDir) {
        var dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("kefu"), "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        var transactions = new DataSourceTransactionManager(dataSource);
        properties = new Binder(new MapConfigurationPropertySource()).bindOrCreate("kefu", KefuProperties.class);
        store = new JdbcTicketStore(jdbc, JsonMapper.builder().build());
        events = new TicketEvents(jdbc);
        desk = new TicketDesk(store, events, conversations, null, settings, clock, properties, transactions);
        work = new TicketWork(store, events, staff, settings, clock, published::add, transactions);
        for (String agent : List.of("agent1", "agent2")) {
            when(staff.find(agent)).thenReturn(Optional.of(new StaffAccount(agent, agent, "x", Set.of(Role.AGENT), 5,
                    Set.of(), true)));
        }
        when(staff.find("editor")).thenReturn(Optional.of(new StaffAccount("editor", "editor", "x",
                Set.of(Role.EDITOR), 5, Set.of(), true)));
    }

    /** A conversation of this visitor, stored (tickets refer to it) and known to the stand-in conversation store. */
    String conversation(String id, String visitor, boolean vip, HandoffReason reason) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        if (jdbc.sql("select count(*) from visitors where id = ?").param(visitor).query(Integer.class).single() == 0) {
            jdbc.sql("insert into visitors (id, token_hash, created_at) values (?, ?, ?)").params(visitor, "h-" + visitor, now)
                    .update();
        }
        jdbc.sql("insert into conversations (id, visitor_id, channel, status, last_seq, created_at) "
                + "values (?, ?, 'web', 'open', 0, ?)").params(id, visitor, now).update();
        when(conversations.routing(id)).thenReturn(Optional.of(new Routing(id, HandoffState.BOT, null, 0, reason, null,
                null, vip, true, "web", null)));
        when(conversations.visitorOf(id)).thenReturn(Optional.of(visitor));
        return id;
    }

    static Worker agent(String name) {
        return new Worker(name, false);
    }

    static Worker supervisor() {
        return new Worker("boss", true);
    }
}
