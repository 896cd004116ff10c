package io.kefu.server.wechat.mp;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * {@code /wechat/mp}: the Official Account's server URL. WeChat verifies it with a GET and sends each follower
 * message and event as a POST, in plaintext or encrypted (safe mode, {@code encrypt_type=aes}). Every request's
 * signature is checked first: a request without a valid one gets 403 and nothing else happens. The answer is the
 * passive reply (encrypted when the request was) or {@code success}.
 */
@RestController
@RequestMapping("/wechat/mp")
class MpEndpoint {

    private static final Logger log = LoggerFactory.getLogger(MpEndpoint.class);
    private static final int MAX_BODY = 64 * 1024;
    private static final String SUCCESS = "success";

    private final MpAccount account;
    private final MpInbox inbox;

    MpEndpoint(MpAccount account, MpInbox inbox) {
        this.account = account;
        this.inbox = inbox;
    }

    /** WeChat checks the URL: the echo string back when the signature is right. */
    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(required = false) String signature,
                                  @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce,
                                  @RequestParam(required = false) String echostr) {
        if (!account.on()) return ResponseEntity.notFound().build();
        if (!signed(signature, timestamp, nonce) || echostr == null) return forbidden();
        return ResponseEntity.ok(echostr);
    }

    @PostMapping(produces = MediaType.APPLICATION_XML_VALUE)
    CompletableFuture<ResponseEntity<String>> receive(@RequestParam(required = false) String signature,
                                                      @RequestParam(required = false) String timestamp,
                                                      @RequestParam(required = false) String nonce,
                                                      @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                                      @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                                      @RequestBody(required = false) String body) {
        long arrived = System.nanoTime();
        if (!account.on()) return done(ResponseEntity.notFound().build());
        if (!signed(signature, timestamp, nonce)) return done(forbidden());
        if (body == null || body.isBlank() || body.length() > MAX_BODY) return done(ResponseEntity.badRequest().build());
        boolean encrypted = "aes".equalsIgnoreCase(encryptType);
        WxMpXmlMessage message;
        if (encrypted) {
            if (account.config().getAesKey() == null || msgSignature == null) return done(forbidden());
            try {
                message = WxMpXmlMessage.fromEncryptedXml(body, account.config(), timestamp, nonce, msgSignature);
            } catch (RuntimeException e) { // WxJava's: a wrong msg_signature, or what does not decrypt
                log.warn("refused an encrypted WeChat request: {}", e.getMessage());
                return done(forbidden());
            }
        } else {
            try {
                message = WxMpXmlMessage.fromXml(body);
            } catch (RuntimeException e) {
                return done(ResponseEntity.badRequest().build());
            }
        }
        if (message.getFromUser() == null || message.getMsgType() == null) {
            return done(ResponseEntity.badRequest().build());
        }
        return inbox.handle(message, arrived).handle((reply, failure) -> {
            if (failure != null) {
                // the follower sees nothing rather than WeChat's "该公众号暂时无法提供服务"; the log says why
                log.error("WeChat Official Account request failed ({} from a follower)", message.getMsgType(), failure);
                return success();
            }
            if (reply.isEmpty()) return success();
            WxMpXmlOutMessage out = WxMpXmlOutMessage.TEXT().content(reply.get())
                    .fromUser(message.getToUser()).toUser(message.getFromUser()).build();
            return ResponseEntity.ok(encrypted ? out.toEncryptedXml(account.config()) : out.toXml());
        });
    }

    private static ResponseEntity<String> success() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(SUCCESS);
    }

    private static CompletableFuture<ResponseEntity<String>> done(ResponseEntity<String> response) {
        return CompletableFuture.completedFuture(response);
    }

    private boolean signed(String signature, String timestamp, String nonce) {
        return signature != null && timestamp != null && nonce != null
                && account.service().checkSignature(timestamp, nonce, signature);
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("forbidden");
    }
}
