package io.kefu.server.wechat;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Tencent's published sample vectors, as fixed tests of the simulator's crypto and of WxJava's that the server uses:
 * both must produce and read exactly what WeChat does.
 */
class WechatCryptoTest {

    // Official Account sample (Tencent's sample code)
    private static final String MP_TOKEN = "pamtest";
    private static final String MP_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String MP_APP_ID = "wxb11529c136998cb6";
    private static final String MP_RANDOM = "aaaabbbbccccdddd";
    private static final String MP_PLAIN = "我是中文abcd123";
    private static final String MP_CIPHER =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    // WeCom sample (Tencent's documentation): URL verification
    private static final String CP_TOKEN = "QDG6eK";
    private static final String CP_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String CP_RECEIVE_ID = "wx5823bf96d3bd56c7";
    private static final String CP_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    private static final String CP_TIMESTAMP = "1409659589";
    private static final String CP_NONCE = "263014780";
    private static final String CP_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    @Test
    void theSimulatorEncryptsTencentsSampleToTheSampleCiphertext() {
        assertEquals(MP_CIPHER, WechatCrypto.encrypt(MP_KEY, MP_APP_ID, MP_RANDOM, MP_PLAIN));
        assertEquals(MP_PLAIN, WechatCrypto.decrypt(MP_KEY, MP_APP_ID, MP_CIPHER));
    }

    @Test
    void wxJavaEncryptsAndDecryptsTencentsSample() {
        var crypt = new WxCryptUtil(MP_TOKEN, MP_KEY, MP_APP_ID);
        assertEquals(MP_CIPHER, crypt.encrypt(MP_RANDOM, MP_PLAIN));
        assertEquals(MP_PLAIN, crypt.decrypt(MP_CIPHER));
    }

    @Test
    void weComsSampleVerificationYieldsItsEchoString() {
        assertEquals(CP_SIGNATURE, WechatCrypto.sign(CP_TOKEN, CP_TIMESTAMP, CP_NONCE, CP_ECHOSTR));
        assertEquals("1616140317555161061", WechatCrypto.decrypt(CP_KEY, CP_RECEIVE_ID, CP_ECHOSTR));
        var crypt = new WxCryptUtil(CP_TOKEN, CP_KEY, CP_RECEIVE_ID);
        assertEquals("1616140317555161061",
                crypt.decryptContent(CP_SIGNATURE, CP_TIMESTAMP, CP_NONCE, CP_ECHOSTR));
    }

    @Test
    void aTamperedSignatureOrAnotherAppIsRefused() {
        var crypt = new WxCryptUtil(CP_TOKEN, CP_KEY, CP_RECEIVE_ID);
        assertThrows(RuntimeException.class,
                () -> crypt.decryptContent("0" + CP_SIGNATURE.substring(1), CP_TIMESTAMP, CP_NONCE, CP_ECHOSTR));
        assertThrows(IllegalArgumentException.class, () -> WechatCrypto.decrypt(CP_KEY, "wx-other", CP_ECHOSTR));
    }

    @Test
    void paddingFillsWholeThirtyTwoByteBlocks() {
        // 16 random + 4 length + 12 message + 18 app id = 50 bytes: padded with 14 to 64, one more block than JCE's
        // 16-byte PKCS#5 would give; the decrypted length must come back exactly
        String cipher = WechatCrypto.encrypt(MP_KEY, MP_APP_ID, MP_RANDOM, "twelve bytes");
        assertEquals(64, java.util.Base64.getDecoder().decode(cipher).length);
        assertEquals("twelve bytes", new WxCryptUtil(MP_TOKEN, MP_KEY, MP_APP_ID).decrypt(cipher));
    }
}
