package io.kefu.server.wechat.mp;

import io.kefu.server.wechat.DeliveryRefused;
import io.kefu.server.wechat.Followers;
import io.kefu.server.wechat.Outbox;
import io.kefu.server.wechat.WechatChannel;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The Official Account's customer-service message API ({@code /cgi-bin/message/custom/send}): what is not in a
 * passive reply reaches the follower through it, within WeChat's 48 hours after their last message and 5 messages per
 * message of theirs. Errors that retrying can help (the network, WeChat busy) are retried briefly; the others are
 * refusals the caller reports.
 */
@Component
class MpOutbox implements Outbox {

    /** Retrying cannot help: the window, the quota, an unfollowed or unknown user, a text WeChat will not take. */
    private static final Set<Integer> FINAL = Set.of(45015, 45047, 43004, 40003, 45002, 40008);
    private static final int ATTEMPTS = 3;

    private final MpAccount account;

    MpOutbox(MpAccount account) {
        this.account = account;
    }

    @Override
    public WechatChannel channel() {
        return WechatChannel.MP;
    }

    @Override
    public boolean on() {
        return account.on();
    }

    @Override
    public void send(Followers.Follower to, String text) {
        WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(to.openId()).content(text).build();
        for (int attempt = 1; ; attempt++) {
            try {
                account.service().getKefuService().sendKefuMessage(message);
                return;
            } catch (WxErrorException e) {
                int code = e.getError() == null ? -1 : e.getError().getErrorCode();
                if (FINAL.contains(code) || attempt == ATTEMPTS) {
                    throw code == -1 ? DeliveryRefused.unreachable() : DeliveryRefused.of(code);
                }
            } catch (WxRuntimeException e) {
                if (attempt == ATTEMPTS) throw DeliveryRefused.unreachable();
            }
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryRefused.unreachable();
        }
    }
}
