package io.kefu.server.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What WeChat delivered, once ({@code wechat_deliveries}, its one owner). WeChat sends a request again when it had
 * no answer within 5 seconds, up to three times, possibly to another node: the first node to store the delivery's key
 * processes it; the others only answer. A day later WeChat has long stopped retrying, and the key is forgotten.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final Duration KEPT = Duration.ofDays(1);
    private static final int MAX_KEY = 200;
    private static final int MAX_REPLY = 8000;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the first time the key is seen, on any node: the caller processes the delivery. */
    public boolean first(WechatChannel channel, String key) {
        try {
            jdbc.sql("insert into wechat_deliveries (channel, delivery_key, received_at) values (?, ?, ?)")
                    .params(channel.wireName(), bounded(key), now()).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The reply sent in the HTTP response to the delivery, to send again when WeChat retries it. */
    public void answered(WechatChannel channel, String key, String passiveReply) {
        if (passiveReply.length() > MAX_REPLY) return;
        jdbc.sql("update wechat_deliveries set passive_reply = ? where channel = ? and delivery_key = ?")
                .params(passiveReply, channel.wireName(), bounded(key)).update();
    }

    /** The passive reply the first request was answered with, if it was. */
    public Optional<String> passiveReply(WechatChannel channel, String key) {
        return jdbc.sql("select passive_reply from wechat_deliveries where channel = ? and delivery_key = ?")
                .params(channel.wireName(), bounded(key))
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(r -> r);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOld() {
        int gone = jdbc.sql("delete from wechat_deliveries where received_at < ?").param(now().minus(KEPT)).update();
        if (gone > 0) log.debug("forgot {} WeChat deliveries older than {}", gone, KEPT);
    }

    private static String bounded(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
