package io.kefu.server.wechat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * WeChat's access tokens, one per app for every node ({@code wechat_access_tokens}, its one owner). WeChat keeps
 * one valid token per app at a time (two, briefly, after a refresh): nodes fetching their own would invalidate each
 * other's. A node that needs a new token locks the app's row, looks again (another node may just have fetched one),
 * and only then fetches it, still holding the lock: the others wait and take the token it stored, and a token can
 * only ever be replaced by a newer one (WxJava issues #2803, #2636).
 */
@Component
public class SharedAccessTokens {

    /** Refreshed this long before WeChat says it expires, so that no request goes out with a dying token. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    public static final long MARGIN_MILLIS = MARGIN.toMillis();

    /** A token and when WeChat said it expires. */
    public record Token(String value, Instant expiresAt) {
        @Override
        public String toString() { // a token is a secret
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    /** Fetches a new token from WeChat. */
    @FunctionalInterface
    public interface Source {
        /** @param forceRefresh WeChat must issue a new token even if the one it gave still looks valid */
        Token fetch(boolean forceRefresh) throws Exception;
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Autowired
    SharedAccessTokens(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    SharedAccessTokens(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A token valid for a while yet: the one stored, or a new one fetched under the app's lock.
     *
     * @param app      the app (Official Account app id, WeCom corp id and agent): one row each
     * @param rejected the token WeChat just refused (40001, 42001), never taken again; {@code null} if none
     */
    public Token current(String app, String rejected, Source source) {
        Optional<Token> stored = stored(app, false);
        if (stored.isPresent() && usable(stored.get(), rejected)) return stored.get();
        if (stored.isEmpty()) insert(app);
        return tx.execute(status -> {
            Token locked = stored(app, true).orElse(null);
            if (locked != null && usable(locked, rejected)) return locked;
            // the stable-token endpoint hands out the same token until it expires: force a new one only when
            // WeChat refused the one it handed out
            boolean force = rejected != null && locked != null && rejected.equals(locked.value());
            Token fetched = fetch(source, force);
            jdbc.sql("update wechat_access_tokens set token = ?, expires_at = ?, fetched_at = ? where app_id = ?")
                    .params(fetched.value(), at(fetched.expiresAt()), at(clock.instant()), app).update();
            return fetched;
        });
    }

    private boolean usable(Token token, String rejected) {
        return token.value() != null && !token.value().equals(rejected)
                && token.expiresAt().isAfter(clock.instant().plus(MARGIN));
    }

    private Optional<Token> stored(String app, boolean lock) {
        return jdbc.sql("select token, expires_at from wechat_access_tokens where app_id = ?" + (lock ? " for update" : ""))
                .param(app)
                .query((rs, n) -> {
                    OffsetDateTime expires = rs.getObject(2, OffsetDateTime.class);
                    return new Token(rs.getString(1), expires == null ? Instant.EPOCH : expires.toInstant());
                })
                .optional();
    }

    private void insert(String app) {
        try {
            jdbc.sql("insert into wechat_access_tokens (app_id) values (?)").param(app).update();
        } catch (DuplicateKeyException e) {
            // another node stored the app's row first
        }
    }

    private static Token fetch(Source source, boolean force) {
        try {
            return source.fetch(force);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FetchFailed(e);
        }
    }

    /** WeChat did not hand out a token; the cause says why (a {@code WxErrorException} with WeChat's code). */
    public static final class FetchFailed extends RuntimeException {
        FetchFailed(Exception cause) {
            super("WeChat did not issue an access token: " + cause.getMessage(), cause);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
