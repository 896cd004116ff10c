package io.kefu.server.staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff accounts in the database. */
@Repository
class StaffStore {

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> find(String username) {
        return jdbc.sql("select * from staff where username = ?").param(username).query(StaffStore::account).optional();
    }

    List<StaffAccount> all() {
        return jdbc.sql("select * from staff order by username").query(StaffStore::account).list();
    }

    boolean anyAdmin() {
        return all().stream().anyMatch(a -> a.roles().contains(Role.ADMIN));
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from staff").query(Long.class).single() == 0;
    }

    void insert(StaffAccount account) {
        jdbc.sql("insert into staff (username, display_name, password_hash, roles, capacity, skills, enabled, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(account.username(), account.displayName(), account.passwordHash(),
                        account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        account.capacity(), String.join(",", account.skills().stream().sorted().toList()),
                        account.enabled(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        // every account has a presence row from the start, so presence changes are plain updates on every database
        jdbc.sql("insert into agent_presence (username, status, updated_at) values (?, 'offline', ?)")
                .params(account.username(), OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private static StaffAccount account(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : rs.getString("roles").split(",")) {
            if (!role.isBlank()) roles.add(Role.valueOf(role.strip()));
        }
        Set<String> skills = Arrays.stream(rs.getString("skills").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new StaffAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                roles, rs.getInt("capacity"), skills, rs.getBoolean("enabled"));
    }
}
