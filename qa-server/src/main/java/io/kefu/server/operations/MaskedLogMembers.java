package io.kefu.server.operations;

import io.kefu.qa.intent.PersonalNumbers;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks mobile, ID and card numbers in every string of a structured (JSON) log line: the message, the MDC values
 * and a stack trace's messages alike, so that an exception that quotes a customer's input cannot leak a number into
 * the log store. Named by {@code logging.structured.json.customizer} in application.yml.
 */
public class MaskedLogMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, MaskedLogMembers::mask));
    }

    static String mask(String value) {
        return value == null ? null : PersonalNumbers.maskText(value);
    }
}
