package io.kefu.server.wechat.mp;

import io.kefu.server.conversation.ConversationException;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.wechat.Deliveries;
import io.kefu.server.wechat.FollowerMessages;
import io.kefu.server.wechat.PassiveReply;
import io.kefu.server.wechat.WechatChannel;
import io.kefu.server.wechat.WechatText;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A follower's message or event, from WeChat's request to the reply: processed once whichever node WeChat sends it
 * to and however often ({@link Deliveries}), on a worker thread, while the request, holding no thread, waits up to
 * its budget for the reply to answer with (the passive reply); past the budget the request answers {@code success}
 * and the reply goes through the message API.
 */
@Component
class MpInbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MpInbox.class);
    private static final String SCENE_PREFIX = "qrscene_";

    private final MpAccount account;
    private final Deliveries deliveries;
    private final FollowerMessages messages;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("wechat-mp-budget"));

    MpInbox(MpAccount account, Deliveries deliveries, FollowerMessages messages) {
        this.account = account;
        this.deliveries = deliveries;
        this.messages = messages;
        this.workers = Executors.newFixedThreadPool(account.settings().workers(), named("wechat-mp"));
    }

    /**
     * Handles what WeChat sent, within the budget that started at {@code arrivedNanos}.
     *
     * @return the text to answer with in the HTTP response, or empty for {@code success}, once known: when the reply
     * is ready or the budget spent, whichever comes first
     */
    CompletableFuture<Optional<String>> handle(WxMpXmlMessage message, long arrivedNanos) {
        String key = key(message);
        if (!deliveries.first(WechatChannel.MP, key)) {
            // WeChat sent it again: the first answer was lost, or is still coming through the message API
            return CompletableFuture.completedFuture(deliveries.passiveReply(WechatChannel.MP, key));
        }
        var passive = new PassiveReply();
        var from = new FollowerMessages.From(WechatChannel.MP, message.getFromUser(), null, account.settings().secret());
        long left = arrivedNanos + account.settings().passiveBudget().toNanos() - System.nanoTime();
        timer.schedule(passive::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
        workers.execute(() -> work(message, from, passive));
        return passive.passive().thenApply(ready -> {
            if (ready.isEmpty() || ready.get().isEmpty()) return Optional.empty();
            String text = String.join("\n\n", ready.get());
            if (WechatText.split(text).size() > 1) { // a passive reply is one message: a longer one goes by the API
                workers.execute(() -> messages.send(from, text));
                return Optional.empty();
            }
            deliveries.answered(WechatChannel.MP, key, text);
            return Optional.of(text);
        });
    }

    private void work(WxMpXmlMessage message, FollowerMessages.From from, PassiveReply passive) {
        passive.bind();
        try {
            dispatch(message, from);
        } catch (ConversationException e) {
            passive.collect(null, e.getMessage());
        } catch (RuntimeException e) {
            log.error("WeChat Official Account message {} failed", message.getMsgType(), e);
            passive.collect(null, CustomerTexts.INTERNAL);
        } finally {
            List<String> late = passive.finish();
            if (!late.isEmpty()) messages.send(from, String.join("\n\n", late));
        }
    }

    private void dispatch(WxMpXmlMessage message, FollowerMessages.From from) {
        String id = clientId(message);
        switch (message.getMsgType()) {
            case WxConsts.XmlMsgType.TEXT -> messages.text(from, nullToEmpty(message.getContent()), id);
            case WxConsts.XmlMsgType.VOICE -> {
                String recognised = nullToEmpty(message.getRecognition()).strip();
                if (recognised.isEmpty()) messages.unrecognisedVoice(from);
                else messages.text(from, recognised, id);
            }
            case WxConsts.XmlMsgType.EVENT -> event(message, from, id);
            default -> messages.unreadable(from, describe(message), id);
        }
    }

    private void event(WxMpXmlMessage message, FollowerMessages.From from, String id) {
        String event = nullToEmpty(message.getEvent());
        String key = nullToEmpty(message.getEventKey());
        switch (event.toLowerCase(java.util.Locale.ROOT)) {
            case "subscribe" -> {
                if (key.startsWith(SCENE_PREFIX)) messages.entered(from, key.substring(SCENE_PREFIX.length()));
                messages.greet(from);
            }
            case "unsubscribe" -> messages.left(from);
            case "scan" -> {
                if (!key.isBlank()) messages.entered(from, key);
            }
            case "click" -> {
                String text = account.settings().menu().get(key);
                if (text != null) messages.text(from, text, id);
                else log.warn("WeChat menu key {} has no entry under kefu.wechat.mp.menu", key);
            }
            default -> log.debug("WeChat event {} ignored", event);
        }
    }

    /** What the agent sees of a message the bot cannot read: its kind and where to open it. */
    private static String describe(WxMpXmlMessage message) {
        String type = nullToEmpty(message.getMsgType());
        return switch (type) {
            case WxConsts.XmlMsgType.IMAGE -> "[图片] " + nullToEmpty(message.getPicUrl());
            case WxConsts.XmlMsgType.LINK -> "[链接] " + nullToEmpty(message.getTitle()) + " " + nullToEmpty(message.getUrl());
            case WxConsts.XmlMsgType.LOCATION -> "[位置] " + nullToEmpty(message.getLabel());
            case WxConsts.XmlMsgType.VIDEO, WxConsts.XmlMsgType.SHORTVIDEO -> "[视频] media_id " + nullToEmpty(message.getMediaId());
            case WxConsts.XmlMsgType.VOICE -> "[语音] media_id " + nullToEmpty(message.getMediaId());
            default -> "[" + type + "] media_id " + nullToEmpty(message.getMediaId());
        };
    }

    /** WeChat's key of the delivery: MsgId for messages, sender and time for events (which have no MsgId). */
    static String key(WxMpXmlMessage message) {
        return message.getMsgId() != null ? "msg:" + message.getMsgId()
                : "event:" + message.getFromUser() + ":" + message.getCreateTime() + ":" + message.getEvent();
    }

    /** The client id the conversation stores the message under (at most 64 characters). */
    private static String clientId(WxMpXmlMessage message) {
        String id = message.getMsgId() != null ? "wx:" + message.getMsgId()
                : "wxe:" + message.getCreateTime() + ":" + nullToEmpty(message.getEventKey());
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static ThreadFactory named(String name) {
        var count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        workers.shutdown();
        timer.shutdownNow();
    }
}
