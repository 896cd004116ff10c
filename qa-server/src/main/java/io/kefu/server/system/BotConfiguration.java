package io.kefu.server.system;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.QaBot;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.dialog.TicketStore;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the one {@link QaBot} the server answers with. */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotConfiguration.class);

    @Bean
    KnowledgeSource knowledgeSource(KefuProperties properties) {
        return new KnowledgeSource(properties.knowledge());
    }

    @Bean(destroyMethod = "close")
    QaBot qaBot(KnowledgeSource source) {
        long start = System.nanoTime();
        KnowledgeBase knowledge = source.knowledgeBase();
        QaBot.Builder builder = QaBot.builder().knowledge(knowledge).lexicon(source.lexicon()).intents(source.intents());
        source.model().ifPresent(builder::model);
        QaBot bot = builder.build();
        log.info("knowledge base loaded from {}: {} standard questions, {} phrasings, in {} ms", source.describe(),
                knowledge.size(), bot.indexedPhrasings(), (System.nanoTime() - start) / 1_000_000);
        return bot;
    }

    @Bean
    Dialogue dialogue(QaBot bot, KnowledgeSource source, TicketStore tickets) {
        List<FormDefinition> forms = source.forms();
        log.info("{} forms loaded: {}", forms.size(), forms.stream().map(FormDefinition::intent).toList());
        return Dialogue.builder(bot).forms(forms).tickets(tickets).build();
    }
}
