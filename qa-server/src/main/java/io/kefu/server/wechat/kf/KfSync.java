package io.kefu.server.wechat.kf;

import io.kefu.server.conversation.ConversationException;
import io.kefu.server.wechat.Deliveries;
import io.kefu.server.wechat.FollowerMessages;
import io.kefu.server.wechat.WechatChannel;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgListResp;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfEventMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pulls a customer-service account's new messages with {@code sync_msg} when WeCom says there are some: from the
 * cursor kept in the database, page after page while {@code has_more}, each message processed once
 * ({@link Deliveries}) and the cursor moved on after its page. Callbacks that arrive while a pull runs make it pull
 * once more rather than start a second one; a pull runs on its own thread, so the callback is answered at once.
 */
@Component
class KfSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KfSync.class);
    private static final int PAGE = 1000;
    /** Who sent a message (origin): the WeChat user, WeCom itself (events), or a WeCom member. */
    private static final int FROM_CUSTOMER = 3;
    private static final int FROM_WECOM = 4;

    private final KfAccount account;
    private final KfCursors cursors;
    private final Deliveries deliveries;
    private final FollowerMessages messages;
    private final KfOutbox outbox;
    private final ExecutorService pulls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wechat-kf-sync");
        thread.setDaemon(true);
        return thread;
    });
    /** Per account: callbacks not yet served by a pull; the one that finds none running starts one. */
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final Map<String, String> syncTokens = new ConcurrentHashMap<>();

    KfSync(KfAccount account, KfCursors cursors, Deliveries deliveries, FollowerMessages messages, KfOutbox outbox) {
        this.account = account;
        this.cursors = cursors;
        this.deliveries = deliveries;
        this.messages = messages;
        this.outbox = outbox;
    }

    /** WeCom said the account has new messages; {@code syncToken} lets the pull skip WeCom's rate limit. */
    void requested(String openKfid, String syncToken) {
        if (syncToken != null) syncTokens.put(openKfid, syncToken);
        AtomicInteger waiting = pending.computeIfAbsent(openKfid, a -> new AtomicInteger());
        if (waiting.getAndIncrement() > 0) return; // the running pull goes round once more
        pulls.execute(() -> {
            int served;
            do {
                served = waiting.get();
                pullAll(openKfid, syncTokens.get(openKfid));
            } while (waiting.addAndGet(-served) > 0);
        });
    }

    private void pullAll(String openKfid, String syncToken) {
        try {
            while (true) {
                String cursor = cursors.cursor(openKfid).orElse(null);
                WxCpKfMsgListResp page = account.service().getKfService()
                        .syncMsg(cursor, syncToken, PAGE, null, openKfid);
                if (page.getMsgList() != null) page.getMsgList().forEach(this::handle);
                String next = page.getNextCursor();
                if (next == null || next.isEmpty() || !cursors.advance(openKfid, cursor, next)) return;
                if (page.getHasMore() == null || page.getHasMore() != 1) return;
            }
        } catch (WxErrorException e) {
            log.warn("WeCom sync_msg for account {} failed: {}", openKfid,
                    e.getError() == null ? e.toString() : e.getError().getErrorCode());
        } catch (RuntimeException e) {
            log.error("WeCom sync_msg for account {} failed", openKfid, e);
        }
    }

    private void handle(WxCpKfMsgListResp.WxCpKfMsgItem item) {
        int origin = item.getOrigin() == null ? 0 : item.getOrigin();
        if (origin != FROM_CUSTOMER && origin != FROM_WECOM) return; // a WeCom member's own message
        if (!deliveries.first(WechatChannel.KF, "kf:" + item.getMsgId())) return;
        try {
            if ("event".equals(item.getMsgType())) {
                event(item.getEvent());
                return;
            }
            var from = new FollowerMessages.From(WechatChannel.KF, item.getExternalUserId(), item.getOpenKfid(),
                    account.settings().secret());
            String id = clientId(item.getMsgId());
            if ("text".equals(item.getMsgType()) && item.getText() != null) {
                messages.text(from, item.getText().getContent() == null ? "" : item.getText().getContent(), id);
            } else {
                messages.unreadable(from, "[" + item.getMsgType() + "] 请在企业微信客服中查看", id);
            }
        } catch (ConversationException e) {
            log.debug("WeCom message {} not taken: {}", item.getMsgId(), e.code());
        } catch (RuntimeException e) {
            log.error("WeCom message {} failed", item.getMsgId(), e);
        }
    }

    private void event(WxCpKfEventMsg event) {
        if (event == null || !"enter_session".equals(event.getEventType())) return;
        var from = new FollowerMessages.From(WechatChannel.KF, event.getExternalUserId(), event.getOpenKfid(),
                account.settings().secret());
        if (event.getSceneParam() != null && !event.getSceneParam().isBlank()) {
            messages.entered(from, event.getSceneParam());
        }
        String menu = messages.welcome(from);
        if (event.getWelcomeCode() == null) return;
        try {
            outbox.welcome(event.getWelcomeCode(), menu);
        } catch (WxErrorException e) {
            log.warn("WeCom refused the welcome message: {}", e.getError() == null ? e : e.getError().getErrorCode());
        }
    }

    private static String clientId(String msgId) {
        String id = "kf:" + msgId;
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    @Override
    public void destroy() {
        pulls.shutdownNow();
    }
}
