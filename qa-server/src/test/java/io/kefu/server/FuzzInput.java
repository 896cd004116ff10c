package io.kefu.server;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Random;

/**
 * Hostile and clumsy input from a seeded generator, so that a failure found by a fuzz test is found again with the
 * same seed (each test prints its seed). Frames are mostly almost right (a known type with a field of the wrong
 * kind, size or content), because those reach deepest into the server; the rest is arbitrary JSON or not JSON.
 */
public final class FuzzInput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final List<String> WORDS = List.of("话费", "怎么查", "转人工", "我要投诉", "宽带坏了", "13800138000",
            "算了", "银行卡丢了", "谢谢", "人工客服", "<script>alert(1)</script>", "' or 1=1 --", "${jndi:ldap://x}",
            "../../etc/passwd", "%s%n", "\u202e", "😀", "𠀀", "null", "NaN", "１２３", "ｈｅｌｌｏ");
    private static final String ODD_CHARS = "\u0000\u0001\u001f\u007f\u0085\u00a0\u200b\u2028\u2029\ufeff\ufffd\uffff";

    private final Random random;

    /** The seed of the fuzz tests' generators; another seed explores other input: {@code -Dkefu.fuzz.seed=...}. */
    public static long seed() {
        return Long.getLong("kefu.fuzz.seed", 20261205L);
    }

    public FuzzInput(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Text as people and attackers type it: words, CJK, emoji, control characters, lone surrogates, any length. */
    public String text() {
        int kind = random.nextInt(20);
        if (kind == 0) return "";
        if (kind == 1) return " \t\n ".substring(random.nextInt(4));
        if (kind == 2) return String.valueOf((char) (0xd800 + random.nextInt(0x800)));   // a lone surrogate
        if (kind == 3) return repeat(pick(WORDS), 1 + random.nextInt(300));             // long, maybe too long
        var out = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.append(pick(WORDS));
                case 1 -> out.append((char) (0x4e00 + random.nextInt(0x5000)));
                case 2 -> out.append(ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length())));
                case 3 -> out.append((char) (0xd800 + random.nextInt(0x800)));
                case 4 -> out.appendCodePoint(0x1f300 + random.nextInt(0x300));
                default -> out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }

    private static String repeat(String word, int times) {
        return word.repeat(times);
    }

    /** Any JSON value, nested a little. */
    public JsonNode value() {
        return value(0);
    }

    private JsonNode value(int depth) {
        switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.booleanNode(random.nextBoolean());
            case 2: return NODES.numberNode(random.nextInt(21) - 10);
            case 3: return NODES.numberNode(pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1,
                    (long) Integer.MIN_VALUE - 1, -1L, 0L)));
            case 4: return NODES.numberNode(pick(List.of(1.5, -0.0, 1e308, 4.9e-324)));
            case 5: return NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(40))));
            case 6: return NODES.stringNode(text());
            case 7: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) array.add(value(depth + 1));
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) object.set(text(), value(depth + 1));
                return object;
            }
        }
    }

    /**
     * A frame of one of {@code types} (sometimes another or none) whose fields are mostly of the right kind:
     * {@code fields} names the fields the type may carry, {@code good} gives a right value for a field.
     */
    public ObjectNode frame(List<String> types, List<String> fields, java.util.function.Function<String, JsonNode> good) {
        ObjectNode frame = NODES.objectNode();
        int typeKind = random.nextInt(20);
        if (typeKind == 0) {
            frame.set("type", value());
        } else if (typeKind > 1) {
            frame.put("type", typeKind == 2 ? text() : pick(types));
        }
        for (String field : fields) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                JsonNode value = good.apply(field);
                if (value != null) frame.set(field, value);
            } else if (kind < 9) {
                frame.set(field, value());
            }
        }
        if (chance(10)) frame.set(text(), value());
        return frame;
    }

    /**
     * The frame as text a WebSocket can carry: a lone surrogate cannot be encoded as UTF-8 (the JDK's client refuses
     * to send it), so a frame with one goes with every non-ASCII character escaped, and so do some others.
     */
    public String wire(JsonNode frame) {
        return chance(20) || hasLoneSurrogate(frame.toString()) ? ESCAPING.writeValueAsString(frame) : frame.toString();
    }

    /** Text with its lone surrogates replaced, for frames that are not JSON and so cannot escape them. */
    public static String sendable(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.toString();
    }

    /** A JSON text as it is, or re-written with escapes when it holds a lone surrogate (a body that is JSON). */
    public static String escapedIfNeeded(String json) {
        if (!hasLoneSurrogate(json)) return json;
        try {
            return ESCAPING.writeValueAsString(ESCAPING.readTree(json));
        } catch (RuntimeException notJson) {
            return sendable(json);
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        return !sendable(text).equals(text);
    }

    /** Text that is not a JSON object: broken JSON, other JSON values, deep nesting, nothing. */
    public String notAnObject() {
        return sendable(notAnObjectMaybeUnsendable());
    }

    private String notAnObjectMaybeUnsendable() {
        return switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> "{\"type\":\"message\",\"text\":\"" + text();
            case 2 -> value().toString();
            case 3 -> "[".repeat(1 + random.nextInt(3000));
            case 4 -> "{\"type\":\"ping\"}{\"type\":\"ping\"}";
            case 5 -> "{\"type\":\"ping\",\"type\":\"close\"}";
            default -> text();
        };
    }
}
