package io.kefu.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the server, under the one prefix {@code kefu}.
 *
 * @param knowledge where the knowledge base comes from
 */
@ConfigurationProperties(prefix = "kefu")
public record KefuProperties(Knowledge knowledge) {

    public KefuProperties {
        knowledge = knowledge == null ? new Knowledge(null) : knowledge;
    }

    /**
     * @param directory a knowledge folder on disk (with {@code faq/*.yaml}, dictionary, synonyms, stop words and
     *                  optionally {@code ranker-model.json}); empty means the demo content bundled in the jar
     */
    public record Knowledge(String directory) {
    }
}
