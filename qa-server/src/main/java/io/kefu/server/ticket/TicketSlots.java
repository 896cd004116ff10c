package io.kefu.server.ticket;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the desk reads out of a ticket's slots: the customer's mobile number and the subject. */
final class TicketSlots {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    /** Where a form keeps the number to call first; then any other slot holding a mobile number. */
    private static final List<String> PHONE_SLOTS = List.of("phone", "mobile", "account");
    private static final List<String> SUBJECT_SLOTS = List.of("device", "product", "subject");

    private TicketSlots() {
    }

    /** The customer's mobile number among the slots, or {@code null}. */
    static String phone(Map<String, String> slots) {
        for (String name : PHONE_SLOTS) {
            String phone = mobile(slots.get(name));
            if (phone != null) return phone;
        }
        return slots.values().stream().map(TicketSlots::mobile).filter(p -> p != null).sorted().findFirst().orElse(null);
    }

    private static String mobile(String value) {
        if (value == null) return null;
        String digits = SEPARATORS.matcher(value).replaceAll("");
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    /** What a repeat is compared on besides the kind: e.g. the device of a fault; empty when the slots name none. */
    static String subject(Map<String, String> slots) {
        for (String name : SUBJECT_SLOTS) {
            String value = slots.get(name);
            if (value != null && !value.isBlank()) return value.strip();
        }
        return "";
    }
}
