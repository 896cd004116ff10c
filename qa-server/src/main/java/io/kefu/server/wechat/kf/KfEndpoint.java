package io.kefu.server.wechat.kf;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
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

/**
 * {@code /wechat/kf}: the callback URL of WeCom customer service. WeCom verifies it with a GET (the encrypted echo
 * string, decrypted back) and says with a POST that an account has new messages ({@code kf_msg_or_event}); the
 * messages themselves are pulled ({@link KfSync}) after the answer, which comes at once. Every request is signed and
 * encrypted: a bad signature gets 403 and nothing else happens.
 */
@RestController
@RequestMapping("/wechat/kf")
class KfEndpoint {

    private static final Logger log = LoggerFactory.getLogger(KfEndpoint.class);
    private static final int MAX_BODY = 64 * 1024;

    private final KfAccount account;
    private final KfSync sync;

    KfEndpoint(KfAccount account, KfSync sync) {
        this.account = account;
        this.sync = sync;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "msg_signature", required = false) String signature,
                                  @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce,
                                  @RequestParam(required = false) String echostr) {
        if (!account.on()) return ResponseEntity.notFound().build();
        if (signature == null || timestamp == null || nonce == null || echostr == null) return forbidden();
        try {
            var crypt = new WxCryptUtil(account.config().getToken(), account.config().getAesKey(),
                    account.config().getCorpId());
            return ResponseEntity.ok(crypt.decryptContent(signature, timestamp, nonce, echostr));
        } catch (RuntimeException e) {
            return forbidden();
        }
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> callback(@RequestParam(name = "msg_signature", required = false) String signature,
                                    @RequestParam(required = false) String timestamp,
                                    @RequestParam(required = false) String nonce,
                                    @RequestBody(required = false) String body) {
        if (!account.on()) return ResponseEntity.notFound().build();
        if (signature == null || timestamp == null || nonce == null) return forbidden();
        if (body == null || body.isBlank() || body.length() > MAX_BODY) return ResponseEntity.badRequest().build();
        WxCpXmlMessage message;
        try {
            message = WxCpXmlMessage.fromEncryptedXml(body, account.config(), timestamp, nonce, signature);
        } catch (RuntimeException e) {
            log.warn("refused a WeCom callback: {}", e.getMessage());
            return forbidden();
        }
        if ("kf_msg_or_event".equals(message.getEvent()) && message.getOpenKfId() != null) {
            sync.requested(message.getOpenKfId(), message.getToken());
        }
        return ResponseEntity.ok("success");
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("forbidden");
    }
}
