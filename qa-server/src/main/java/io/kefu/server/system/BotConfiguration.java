package io.kefu.server.system;

import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.QaBot;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationSet;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.FormDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the one {@link QaBot} the server answers with, and its dialogue, from one knowledge folder: the one in
 * {@code kefu.knowledge.directory} ({@code KEFU_KNOWLEDGE_DIR}), or else the demo content bundled in the jar.
 *
 * <p>The bot's thresholds are calibrated on that content at start: with the folder's own calibration questions, or
 * the generic out-of-scope questions the knowledge module ships for a folder without any. A calibration of the same
 * content, model and code is reused: the one kept in the folder, or one kept in the data folder by an earlier start
 * ({@link CalibrationFiles}) or by another node in the database (the {@code keptCalibrations} bean of the content
 * package). {@link KnowledgeUpdates} calibrates again when content changes.
 */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    /** The form that takes a message for agents: built into qa-core; a knowledge folder may replace it. */
    public static final String LEAVE_MESSAGE_INTENT = "leave_message";

    private static final Logger log = LoggerFactory.getLogger(BotConfiguration.class);

    @Bean
    KnowledgeFolder knowledgeFolder(KefuProperties properties) {
        String configured = properties.knowledge().directory();
        if (configured == null || configured.isBlank()) return KnowledgeFolder.bundled();
        Path directory = Path.of(configured);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("kefu.knowledge.directory " + directory + " is not a folder");
        }
        return KnowledgeFolder.open(directory);
    }

    /** The questions the thresholds are calibrated with. */
    @Bean
    CalibrationSet calibrationQuestions(KnowledgeFolder knowledge) {
        return knowledge.calibrationSet()
                .orElseGet(() -> new CalibrationSet(List.of(), KnowledgeFolder.genericOutOfScope()));
    }

    @Bean(destroyMethod = "close")
    QaBot qaBot(KnowledgeFolder knowledge, CalibrationSet calibrationQuestions, CalibrationCache keptCalibrations) {
        long start = System.nanoTime();
        QaBot bot = knowledge.botBuilder().calibrate(calibrationQuestions).calibrationCache(knowledge.calibrationCache()
                .thenReadingAndStoring(keptCalibrations)).build();
        log.info("knowledge base loaded from {}: {} standard questions, {} phrasings, in {} ms", knowledge,
                knowledge.faq().size(), bot.indexedPhrasings(), (System.nanoTime() - start) / 1_000_000);
        log.info("decision thresholds: {}", bot.calibration().summary());
        return bot;
    }

    @Bean
    Dialogue dialogue(QaBot bot, KnowledgeFolder knowledge, KefuProperties properties) {
        log.info("{} forms loaded: {}", knowledge.forms().size(),
                knowledge.forms().stream().map(FormDefinition::intent).toList());
        KefuProperties.Handoff handoff = properties.handoff();
        return Dialogue.builder(bot).forms(knowledge.forms()).texts(knowledge.texts())
                .maxMisses(handoff.triggers().misses() ? handoff.maxMisses() : 0).build();
    }
}
