package io.kefu.qa.eval;

import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.util.Map;

/** Prints results as an aligned table for people and as one JSON line for scripts. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Report() {
    }

    static void table(PrintStream out, String title, Map<String, ?> values) {
        out.println("== " + title);
        values.forEach((name, value) -> {
            if (!(value instanceof Map)) out.printf("  %-24s %s%n", name, value);
        });
    }

    static String json(Map<String, ?> values) {
        return JSON.writeValueAsString(values);
    }
}
