package io.kefu.server.wechat.kf;

import io.kefu.server.conversation.Notice;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.wechat.DeliveryRefused;
import io.kefu.server.wechat.Followers;
import io.kefu.server.wechat.Outbox;
import io.kefu.server.wechat.WechatChannel;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgSendRequest;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfTextMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * WeCom customer service's {@code send_msg}: everything said to a WeChat user who wrote to a customer-service
 * account, within WeCom's 48 hours after their last message and 5 messages per message of theirs. The session's
 * state follows who serves the conversation ({@code transServiceState}): ended when the conversation closes, back to
 * the assistant (the API) when an agent hands it back, and to a WeCom member while an agent serves it when
 * {@code kefu.wechat.kf.servicer} names one.
 */
@Component
class KfOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(KfOutbox.class);
    /** WeCom's session states (service_state). */
    static final int ASSISTANT = 1;
    static final int SERVICER = 3;
    static final int ENDED = 4;
    private static final Set<Integer> FINAL = Set.of(95001, 95002, 95018, 95016, 95017, 45015, 45047, 40096);
    private static final int ATTEMPTS = 3;

    private final KfAccount account;

    KfOutbox(KfAccount account) {
        this.account = account;
    }

    @Override
    public WechatChannel channel() {
        return WechatChannel.KF;
    }

    @Override
    public boolean on() {
        return account.on();
    }

    @Override
    public void send(Followers.Follower to, String text) {
        var request = new WxCpKfMsgSendRequest();
        request.setToUser(to.openId());
        request.setOpenKfid(to.account());
        request.setMsgType("text");
        var content = new WxCpKfTextMsg();
        content.setContent(text);
        request.setText(content);
        for (int attempt = 1; ; attempt++) {
            try {
                account.service().getKfService().sendMsg(request);
                return;
            } catch (WxErrorException e) {
                int code = e.getError() == null ? -1 : e.getError().getErrorCode();
                if (FINAL.contains(code) || attempt == ATTEMPTS) {
                    throw code == -1 ? DeliveryRefused.unreachable() : DeliveryRefused.of(code);
                }
            } catch (WxRuntimeException e) {
                if (attempt == ATTEMPTS) throw DeliveryRefused.unreachable();
            }
            try {
                Thread.sleep(100L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DeliveryRefused.unreachable();
            }
        }
    }

    /** Sends the welcome message with the code of the user's entering the session ({@code send_msg_on_event}). */
    void welcome(String code, String text) throws WxErrorException {
        var request = new WxCpKfMsgSendRequest();
        request.setCode(code);
        request.setMsgType("text");
        var content = new WxCpKfTextMsg();
        content.setContent(text);
        request.setText(content);
        account.service().getKfService().sendMsgOnEvent(request);
    }

    @Override
    public void observe(Followers.Follower to, StoredMessage message) {
        if (message.sender() != Sender.SYSTEM || to.account() == null) return;
        String servicer = account.settings().servicer();
        String kind = message.kind();
        if ("closed".equals(kind)) {
            trans(to, ENDED, null);
        } else if (Notice.HANDBACK.wireName().equals(kind)) {
            trans(to, ASSISTANT, null);
        } else if (Notice.AGENT_JOINED.wireName().equals(kind) && !servicer.isBlank()) {
            trans(to, SERVICER, servicer);
        }
    }

    private void trans(Followers.Follower to, int state, String servicer) {
        try {
            account.service().getKfService().transServiceState(to.account(), to.openId(), state, servicer);
        } catch (WxErrorException | WxRuntimeException e) {
            // the state is WeCom's bookkeeping: our conversation goes on whatever it says
            log.warn("WeCom kept the session of conversation {} out of state {}: {}", to.conversationId(), state,
                    e instanceof WxErrorException wx && wx.getError() != null ? wx.getError().getErrorCode() : e.toString());
        }
    }
}
