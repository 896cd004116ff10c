package io.kefu.server.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeChat's side of an Official Account's server URL, for tests and for trying a running server by hand: it sends
 * followers' messages and events the way WeChat does (signed with the account's token; in safe mode encrypted with
 * its EncodingAESKey and signed again) and reads the passive reply (decrypting it in safe mode, after checking its
 * signature).
 */
public final class WechatSimulator {

    /** What the server answered: the HTTP status, the body, and the passive reply's text if it was one. */
    public record Answer(int status, String body, String reply) {
        public boolean success() {
            return status == 200 && "success".equals(body);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");
    private static final Pattern SIGNATURE = Pattern.compile("<MsgSignature><!\\[CDATA\\[(.*?)]]></MsgSignature>");
    private static final Pattern TIMESTAMP = Pattern.compile("<TimeStamp>(?:<!\\[CDATA\\[)?(\\d+)");
    private static final Pattern NONCE = Pattern.compile("<Nonce><!\\[CDATA\\[(.*?)]]></Nonce>");
    private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;
    private final String appId;
    private final String aesKey;
    private final String account = "gh_simulated";

    /**
     * @param url    the server URL, e.g. {@code http://localhost:8080/wechat/mp}
     * @param aesKey the EncodingAESKey for safe mode, or {@code null} for plaintext
     */
    public WechatSimulator(String url, String token, String appId, String aesKey) {
        this.url = url;
        this.token = token;
        this.appId = appId;
        this.aesKey = aesKey;
    }

    /** The same account in safe mode. */
    public WechatSimulator encrypted(String key) {
        return new WechatSimulator(url, token, appId, key);
    }

    public static long nextMessageId() {
        return MESSAGE_IDS.incrementAndGet();
    }

    /** WeChat's check of the server URL: the echo string comes back when the server accepts the signature. */
    public Answer verify(String echostr) {
        String timestamp = now();
        String nonce = nonce();
        return get("?signature=" + WechatCrypto.sign(token, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&echostr=" + echostr);
    }

    public Answer text(String openId, String content, long msgId) {
        return post(openId, "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content>"
                + "<MsgId>" + msgId + "</MsgId>");
    }

    public Answer text(String openId, String content) {
        return text(openId, content, nextMessageId());
    }

    /** A voice message; {@code recognition} is what WeChat's speech recognition made of it, or {@code null}. */
    public Answer voice(String openId, String recognition) {
        return post(openId, "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media-1]]></MediaId>"
                + "<Format><![CDATA[amr]]></Format>"
                + (recognition == null ? "" : "<Recognition><![CDATA[" + recognition + "]]></Recognition>")
                + "<MsgId>" + nextMessageId() + "</MsgId>");
    }

    public Answer image(String openId, String picUrl) {
        return post(openId, "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[" + picUrl + "]]></PicUrl>"
                + "<MediaId><![CDATA[media-2]]></MediaId><MsgId>" + nextMessageId() + "</MsgId>");
    }

    /** An event (subscribe, unsubscribe, CLICK, SCAN) with its EventKey, or none. */
    public Answer event(String openId, String event, String key, long createTime) {
        return post(openId, createTime, "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
                + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>"));
    }

    public Answer event(String openId, String event, String key) {
        return event(openId, event, key, System.currentTimeMillis() / 1000);
    }

    public Answer post(String openId, String fields) {
        return post(openId, System.currentTimeMillis() / 1000, fields);
    }

    private Answer post(String openId, long createTime, String fields) {
        // the decrypted XML has newlines between its elements, as WeChat's does
        String xml = "<xml>\n<ToUserName><![CDATA[" + account + "]]></ToUserName>\n<FromUserName><![CDATA[" + openId
                + "]]></FromUserName>\n<CreateTime>" + createTime + "</CreateTime>\n"
                + fields.replaceAll("(</[A-Za-z]+>)(?=<)", "$1\n") + "\n</xml>";
        String timestamp = now();
        String nonce = nonce();
        String query = "?signature=" + WechatCrypto.sign(token, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=" + openId;
        if (aesKey == null) return postRaw(query, xml);
        String encrypted = WechatCrypto.encrypt(aesKey, appId, nonce(), xml); // 16 random characters
        String body = "<xml>\n<ToUserName><![CDATA[" + account + "]]></ToUserName>\n<Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt>\n</xml>";
        return postRaw(query + "&encrypt_type=aes&msg_signature="
                + WechatCrypto.sign(token, timestamp, nonce, encrypted), body);
    }

    /** A request as given: for signatures that are wrong or missing. */
    public Answer postRaw(String query, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + query)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return send(request);
    }

    private Answer get(String query) {
        return send(HttpRequest.newBuilder(URI.create(url + query)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), reply(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The passive reply's text; in safe mode after checking the reply's signature, as WeChat does. */
    private String reply(String body) {
        if (body == null || !body.startsWith("<xml>")) return null;
        String xml = body;
        Matcher encrypted = ENCRYPT.matcher(body);
        if (encrypted.find()) {
            String cipher = encrypted.group(1);
            String expected = WechatCrypto.sign(token, find(TIMESTAMP, body), find(NONCE, body), cipher);
            if (!expected.equals(find(SIGNATURE, body))) throw new AssertionError("bad reply signature: " + body);
            xml = WechatCrypto.decrypt(aesKey, appId, cipher);
        }
        return find(CONTENT, xml);
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    private static String nonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
