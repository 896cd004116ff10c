package io.kefu.qa.dialog;

import io.kefu.qa.intent.SlotValue;

/** How a collected value is echoed back: personal numbers masked the same way as in logs. */
final class Masking {

    private Masking() {
    }

    static String mask(String type, String value) {
        return new SlotValue(type, value, 0, value.length(), value).masked();
    }
}
