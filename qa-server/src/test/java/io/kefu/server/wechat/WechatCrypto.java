package io.kefu.server.wechat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * WeChat's side of the message crypto, written from Tencent's documentation rather than taken from WxJava, so that
 * the simulator checks the server's crypto instead of agreeing with it: SHA-1 signatures over the sorted strings,
 * and AES-256-CBC (the key is the EncodingAESKey plus "=" decoded, the IV its first 16 bytes) over
 * random(16) + length(4, big-endian) + message + appId, padded PKCS#7-style to 32-byte blocks (not 16).
 */
public final class WechatCrypto {

    private static final int BLOCK = 32;

    private WechatCrypto() {
    }

    /** The signature WeChat sends: SHA-1 (hex) of the strings sorted and joined. */
    public static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encrypt(String aesKey, String appId, String random, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        var plain = new ByteArrayOutputStream();
        plain.writeBytes(random.getBytes(StandardCharsets.UTF_8));
        plain.writeBytes(ByteBuffer.allocate(4).putInt(text.length).array());
        plain.writeBytes(text);
        plain.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        int pad = BLOCK - plain.size() % BLOCK;
        for (int i = 0; i < pad; i++) plain.write(pad);
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, aesKey, plain.toByteArray()));
    }

    /** The message inside; fails when the app id at its end is not {@code appId}. */
    public static String decrypt(String aesKey, String appId, String encrypted) {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, aesKey, Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1];
        if (pad < 1 || pad > BLOCK) throw new IllegalArgumentException("bad padding " + pad);
        int end = plain.length - pad;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String id = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!id.equals(appId)) throw new IllegalArgumentException("encrypted for " + id + ", not " + appId);
        return message;
    }

    private static byte[] cipher(int mode, String aesKey, byte[] input) {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
