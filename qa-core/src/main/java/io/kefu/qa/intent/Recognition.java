package io.kefu.qa.intent;

/**
 * A span of the question that holds a value of a slot type; one span may be recognised as several types (an
 * 11-digit mobile number is also a {@code number}), and spans may overlap.
 *
 * @param start inclusive, in the normalised text
 * @param end   exclusive
 * @param type  slot type
 * @param value canonical value
 */
record Recognition(int start, int end, String type, String value) {

    SlotValue toSlotValue(String text) {
        return new SlotValue(type, text.substring(start, end), start, end, value);
    }
}
