package io.kefu.server.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WeCom's side of a customer-service callback URL: the URL check (an encrypted echo string) and the
 * {@code kf_msg_or_event} callback, encrypted and signed as WeCom does (the receive id is the corp id).
 */
public final class WecomSimulator {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;
    private final String aesKey;
    private final String corpId;

    public WecomSimulator(String url, String token, String aesKey, String corpId) {
        this.url = url;
        this.token = token;
        this.aesKey = aesKey;
        this.corpId = corpId;
    }

    public HttpResponse<String> verify(String echo) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = nonce();
        String encrypted = WechatCrypto.encrypt(aesKey, corpId, random16(), echo);
        return send(HttpRequest.newBuilder(URI.create(url + "?msg_signature="
                + WechatCrypto.sign(token, timestamp, nonce, encrypted) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&echostr=" + URLEncoder.encode(encrypted, StandardCharsets.UTF_8))).GET().build());
    }

    /** WeCom saying that {@code account} has new messages, with a sync token. */
    public HttpResponse<String> newMessages(String account) {
        return callback(account, false);
    }

    public HttpResponse<String> forgedCallback(String account) {
        return callback(account, true);
    }

    private HttpResponse<String> callback(String account, boolean forged) {
        String xml = "<xml>\n<ToUserName><![CDATA[" + corpId + "]]></ToUserName>\n<CreateTime>"
                + System.currentTimeMillis() / 1000 + "</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n"
                + "<Event><![CDATA[kf_msg_or_event]]></Event>\n<Token><![CDATA[SYNC-" + nonce() + "]]></Token>\n"
                + "<OpenKfId><![CDATA[" + account + "]]></OpenKfId>\n</xml>";
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = nonce();
        String encrypted = WechatCrypto.encrypt(aesKey, corpId, random16(), xml);
        String signature = forged ? WechatCrypto.sign("not-" + token, timestamp, nonce, encrypted)
                : WechatCrypto.sign(token, timestamp, nonce, encrypted);
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
        return send(HttpRequest.newBuilder(URI.create(url + "?msg_signature=" + signature + "&timestamp=" + timestamp
                        + "&nonce=" + nonce)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String nonce() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static String random16() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
