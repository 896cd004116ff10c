package io.kefu.server.wechat;

import io.kefu.server.conversation.ConversationService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The WeChat users of each channel ({@code wechat_followers}, {@code wechat_conversations}; the one owner of both
 * tables): which conversation each is in, which follower each conversation belongs to, and what a bare number
 * from them means. One conversation per follower at a time, started by whichever node hears from them first.
 */
@Component
public class Followers {

    /** A WeChat user of a channel, and the conversation they are in. */
    public record Follower(WechatChannel channel, String openId, String conversationId, String account,
                           Choices choices) {
    }

    /** How many conversations' followers are remembered at most (a few MB). */
    private static final int REMEMBERED = 50_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    /** Which follower a conversation belongs to never changes: remembered, so that delivering costs no query. */
    private final Map<String, Optional<Follower>> byConversation = new ConcurrentHashMap<>();

    Followers(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The follower as stored (the conversation is null until they first wrote), if they ever wrote. */
    public Optional<Follower> find(WechatChannel channel, String openId) {
        return jdbc.sql("select f.conversation_id, c.account, f.choices from wechat_followers f"
                        + " left join wechat_conversations c on c.conversation_id = f.conversation_id"
                        + " where f.channel = ? and f.open_id = ?")
                .params(channel.wireName(), openId)
                .query((rs, n) -> new Follower(channel, openId, rs.getString(1), rs.getString(2),
                        choices(rs.getString(3))))
                .optional();
    }

    /**
     * The follower's conversation: the one they are in, or a new one when they have none or it is {@code closed}.
     * Started under the follower's row lock, so that two nodes hearing from a new follower at once start one.
     *
     * @param closed    the conversation found closed, or {@code null}
     * @param account   WeCom: the customer-service account written to; {@code null} for an Official Account
     * @param start     starts a conversation for the follower's visitor token ({@link #visitorToken})
     */
    public Follower conversation(WechatChannel channel, String openId, String closed, String account,
                                 Function<String, ConversationService.Session> start) {
        Optional<Follower> known = find(channel, openId);
        if (known.isPresent() && known.get().conversationId() != null
                && !known.get().conversationId().equals(closed)) {
            return known.get();
        }
        if (known.isEmpty()) insert(channel, openId);
        return tx.execute(status -> {
            String current = jdbc.sql("select conversation_id from wechat_followers where channel = ? and open_id = ?"
                            + " for update").params(channel.wireName(), openId)
                    .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
            if (current != null && !current.equals(closed)) {
                return new Follower(channel, openId, current, account, Choices.NONE);
            }
            ConversationService.Session session = start.apply(openId);
            String id = session.conversation().id();
            jdbc.sql("insert into wechat_conversations (conversation_id, channel, open_id, account) values (?, ?, ?, ?)")
                    .params(id, channel.wireName(), openId, account).update();
            jdbc.sql("update wechat_followers set conversation_id = ?, visitor_id = ?, choices = null, updated_at = ?"
                            + " where channel = ? and open_id = ?")
                    .params(id, session.visitorId(), now(), channel.wireName(), openId).update();
            return new Follower(channel, openId, id, account, Choices.NONE);
        });
    }

    /** Who a conversation belongs to; empty for a conversation of another channel. */
    public Optional<Follower> byConversation(String conversationId) {
        Optional<Follower> known = byConversation.get(conversationId);
        if (known != null) return known;
        Optional<Follower> found = jdbc.sql("select channel, open_id, account from wechat_conversations"
                        + " where conversation_id = ?").param(conversationId)
                .query((rs, n) -> new Follower(WechatChannel.fromWireName(rs.getString(1)), rs.getString(2),
                        conversationId, rs.getString(3), Choices.NONE))
                .optional();
        // a conversation of another channel may be one being started here right now: only a follower is remembered
        if (found.isPresent()) {
            if (byConversation.size() >= REMEMBERED) byConversation.clear(); // the recent ones come back on use
            byConversation.put(conversationId, found);
        }
        return found;
    }

    /** What a bare number from the follower means from now on. */
    public void offer(WechatChannel channel, String openId, Choices choices) {
        jdbc.sql("update wechat_followers set choices = ?, updated_at = ? where channel = ? and open_id = ?")
                .params(choices.none() ? null : json.writeValueAsString(choices), now(), channel.wireName(), openId)
                .update();
    }

    /** Where the follower came from (the QR code's parameter), kept as the latest one. */
    public void entered(WechatChannel channel, String openId, String entry) {
        insert(channel, openId);
        jdbc.sql("update wechat_followers set entry = ?, updated_at = ? where channel = ? and open_id = ?")
                .params(entry.length() > 128 ? entry.substring(0, 128) : entry, now(), channel.wireName(), openId)
                .update();
    }

    public Optional<String> entry(WechatChannel channel, String openId) {
        return jdbc.sql("select entry from wechat_followers where channel = ? and open_id = ?")
                .params(channel.wireName(), openId).query(String.class).optional();
    }

    private void insert(WechatChannel channel, String openId) {
        try {
            jdbc.sql("insert into wechat_followers (channel, open_id, updated_at) values (?, ?, ?)")
                    .params(channel.wireName(), openId, now()).update();
        } catch (DuplicateKeyException e) {
            // another request (or node) stored the follower first
        }
    }

    private Choices choices(String stored) {
        return stored == null ? Choices.NONE : json.readValue(stored, Choices.class);
    }

    /**
     * The follower's visitor token: derived from the channel's secret, so that the same follower stays one visitor
     * across conversations without a token being stored anywhere.
     */
    public static String visitorToken(String key, WechatChannel channel, String openId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((channel.wireName() + ":" + openId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
