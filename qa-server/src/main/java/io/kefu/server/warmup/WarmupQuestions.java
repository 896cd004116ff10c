package io.kefu.server.warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions the server warms up with: the development and golden questions of the bundled content, as
 * customers write them (short and long, typos, numbers, requests that start forms, hand-off requests), copied into
 * the jar by the build from {@code knowledge/dev} and {@code knowledge/golden}.
 */
final class WarmupQuestions {

    static final List<String> FILES = List.of("warmup/dev/questions.tsv", "warmup/dev/customers.tsv",
            "warmup/dev/actions.tsv", "warmup/golden/questions.tsv");

    private WarmupQuestions() {
    }

    /** The first column of each file, header left out. */
    static List<String> bundled() {
        var questions = new ArrayList<String>();
        for (String file : FILES) {
            try (InputStream in = WarmupQuestions.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) throw new IllegalStateException(file + " is missing from the jar");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                lines.readLine();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String question = line.split("\t", 2)[0].strip();
                    if (!question.isEmpty()) questions.add(question);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(questions);
    }
}
