package io.kefu.server.staff;

import io.kefu.server.system.BadRequestException;
import io.kefu.server.system.SafeText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for automation (table {@code api_tokens}, its one owner). A token acts with its staff account's roles;
 * it is shown once when made and only its SHA-256 hash is kept (a random 256-bit token needs no slow hash: there is
 * nothing to guess). Making and revoking one is audited.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "kefu_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final StaffStore staff;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, StaffStore staff, AuditLog audit) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
    }

    /** A token as listed: never the token itself. */
    public record TokenView(long id, String username, String label, String createdBy, String createdAt,
                            String lastUsedAt, String revokedAt) {
    }

    /** A new token, with the token itself (shown this once). */
    public record NewToken(long id, String username, String label, String token) {
    }

    public NewToken create(String username, String label, String by, String address) {
        StaffAccount account = staff.find(username == null ? "" : username)
                .orElseThrow(() -> new BadRequestException("账号 " + username + " 不存在，请先创建该员工账号。"));
        String name = label == null || SafeText.clean(label).isBlank() ? "API 令牌" : SafeText.clean(label).strip();
        if (name.length() > 100) throw new BadRequestException("令牌名称请控制在 100 字以内。");
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_tokens (username, token_hash, label, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(account.username(), hash(token), name, by, now()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(by, "token_create", account.username(), "token " + id + " (" + name + ")", address);
        return new NewToken(id, account.username(), name, token);
    }

    List<TokenView> all() {
        return jdbc.sql("select id, username, label, created_by, created_at, last_used_at, revoked_at from api_tokens "
                + "order by id").query((rs, row) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), text(rs.getObject(5, OffsetDateTime.class)), text(rs.getObject(6, OffsetDateTime.class)),
                text(rs.getObject(7, OffsetDateTime.class)))).list();
    }

    void revoke(long id, String by, String address) {
        int changed = jdbc.sql("update api_tokens set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(now(), by, id).update();
        if (changed == 0) throw new BadRequestException("令牌 " + id + " 不存在或已撤销。");
        audit.record(by, "token_revoke", String.valueOf(id), null, address);
    }

    /** The enabled account a live token acts for; notes that the token was used. */
    Optional<StaffAccount> accountOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) return Optional.empty();
        String hash = hash(token);
        Optional<String> username = jdbc.sql("select username from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash).query(String.class).optional();
        if (username.isEmpty()) return Optional.empty();
        jdbc.sql("update api_tokens set last_used_at = ? where token_hash = ?").params(now(), hash).update();
        return staff.find(username.get()).filter(StaffAccount::enabled);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String text(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
