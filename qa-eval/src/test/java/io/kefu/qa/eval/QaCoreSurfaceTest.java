package io.kefu.qa.eval;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator uses qa-core through its public API (with the dialogue, which the server answers customers with and
 * the {@code actions} and {@code conversations} commands play), the model types of {@code rank} and {@code embed}
 * (it trains and writes models) and {@code io.kefu.qa.internal}, which exists for it; never a stage package directly.
 */
class QaCoreSurfaceTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    /** Any mention of a qa-core type or package: an import, a wildcard import or a fully qualified name. */
    private static final Pattern QA_CORE_NAME = Pattern.compile("io\\.kefu\\.qa(?:\\.[a-z]\\w*)*\\.(?:[A-Z]\\w*|\\*)");
    private static final Set<String> ALLOWED_FROM_STAGES =
            Set.of("io.kefu.qa.rank.RankingModel", "io.kefu.qa.rank.LogisticScorer", "io.kefu.qa.rank.Thresholds",
                    "io.kefu.qa.embed.SemanticModel");
    /** The calibration step: the evaluator calibrates and reports thresholds as the bot does. */
    private static final String CALIBRATE = "io.kefu.qa.calibrate";

    private static boolean allowed(String imported) {
        String pkg = imported.substring(0, imported.lastIndexOf('.'));
        return pkg.equals("io.kefu.qa") || pkg.equals(CALIBRATE) || pkg.equals("io.kefu.qa.dialog")
                || pkg.equals("io.kefu.qa.internal") || pkg.equals("io.kefu.qa.eval") || ALLOWED_FROM_STAGES.contains(imported);
    }

    @Test
    void theEvaluatorNamesOnlyTheApiTheModelAndTheInternalAccess() throws IOException {
        var imported = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = QA_CORE_NAME.matcher(Files.readString(file));
                while (matcher.find()) imported.add(matcher.group());
            }
        }
        assertTrue(imported.contains("io.kefu.qa.internal.RetrievalProbe"), "the scan sees the evaluator's imports");
        assertEquals(List.of(), imported.stream().filter(i -> !allowed(i)).toList());
    }
}
