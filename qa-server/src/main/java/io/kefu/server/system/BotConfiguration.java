package io.kefu.server.system;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.QaBot;
import io.kefu.qa.dialog.Dialogue;
import io.kefu.qa.dialog.FormAction;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.dialog.TicketStore;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the one {@link QaBot} the server answers with. */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    /** The intent of the form that takes a message for agents. */
    public static final String LEAVE_MESSAGE_INTENT = "leave_message";

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

    /** The form that takes a message when no agent can take a conversation over; a knowledge folder may replace it. */
    static final FormDefinition LEAVE_MESSAGE = new FormDefinition(LEAVE_MESSAGE_INTENT, "留言", List.of(
            new FormDefinition.FormSlot("phone", "mobile", "请留下您的手机号码，方便客服与您联系。",
                    "这好像不是一个有效的手机号码，请输入 11 位手机号码，例如 138 0013 8000。", false),
            new FormDefinition.FormSlot("message", "text", "请简单描述您需要人工客服帮您处理的问题。",
                    "请简单描述您需要人工客服帮您处理的问题。", true)),
            new FormAction.Ticket(),
            "您的留言已记录（编号 {ticket}），客服会在服务时间内尽快通过 {phone} 与您联系。");

    @Bean
    Dialogue dialogue(QaBot bot, KnowledgeSource source, TicketStore tickets, KefuProperties properties) {
        var forms = new ArrayList<>(source.forms());
        if (forms.stream().noneMatch(f -> f.intent().equals(LEAVE_MESSAGE_INTENT))) forms.add(LEAVE_MESSAGE);
        log.info("{} forms loaded: {}", forms.size(), forms.stream().map(FormDefinition::intent).toList());
        KefuProperties.Handoff handoff = properties.handoff();
        return Dialogue.builder(bot).forms(forms).tickets(tickets)
                .maxMisses(handoff.triggers().misses() ? handoff.maxMisses() : 0).build();
    }
}
