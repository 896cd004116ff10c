package io.kefu.server.agent;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.Suggestion;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Answers from the knowledge base for a customer's message, offered to the agent to edit and send. */
@Component
class AgentAssist {

    static final int MAX_SUGGESTIONS = 3;

    private final QaBot bot;

    AgentAssist(QaBot bot) {
        this.bot = bot;
    }

    /** The standard question of an entry, or null when the knowledge base no longer has it. */
    String question(String id) {
        return bot.entry(id).map(FaqEntry::question).orElse(null);
    }

    List<AgentFrames.Suggestion> suggest(String text) {
        if (text == null || text.isBlank()) return List.of();
        Reply reply = bot.ask(text);
        var ids = new LinkedHashSet<String>();
        if (reply.question() != null) ids.add(reply.id());
        for (Suggestion suggestion : reply.suggestions()) ids.add(suggestion.id());
        var out = new ArrayList<AgentFrames.Suggestion>();
        for (String id : ids) {
            if (out.size() == MAX_SUGGESTIONS) break;
            FaqEntry entry = bot.entry(id).orElse(null);
            if (entry == null) continue;
            out.add(new AgentFrames.Suggestion(id, entry.question(), entry.answer(), bot.similarity(text, id)));
        }
        return out;
    }
}
