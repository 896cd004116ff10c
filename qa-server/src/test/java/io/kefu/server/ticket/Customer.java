package io.kefu.server.ticket;

import io.kefu.server.chat.ChatClient;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;

/** A customer in the web chat for the desk's tests: says things, waits for what comes back, reports a fault. */
final class Customer implements AutoCloseable {

    private static final Pattern TICKET = Pattern.compile("T\\d{8}-[0-9A-Z]{6}");
    private static final AtomicInteger IDS = new AtomicInteger();

    final ChatClient socket;
    final String token;
    final String conversation;

    private Customer(ChatClient socket, String token, String conversation) {
        this.socket = socket;
        this.token = token;
        this.conversation = conversation;
    }

    /** A new visitor, or one coming back with its token (to its conversation, or to a new one when that closed). */
    static Customer connect(int port, String token, String conversation) {
        ChatClient socket = ChatClient.connect(port);
        var hello = frame("hello").put("v", 1);
        if (token != null) hello.put("token", token);
        if (conversation != null) hello.put("conversation", conversation);
        socket.send(hello);
        JsonNode welcome = socket.next("welcome");
        return new Customer(socket, welcome.get("token").asString(), welcome.get("conversation").asString());
    }

    /** The first message frame that matches, skipping everything else. */
    JsonNode until(Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode frame = socket.next();
            if (frame.get("type").asString().equals("message") && wanted.test(frame)) return frame;
        }
    }

    /** Says something and returns the bot's first reply. */
    JsonNode say(String text) {
        socket.send(message("m" + IDS.incrementAndGet(), text));
        return until(f -> f.get("from").asString().equals("bot"));
    }

    /** Reports a broadband fault through the form and returns the ticket id the bot confirmed. */
    String reportFault(String phone) {
        say("我家宽带坏了");
        say(phone);
        JsonNode done = say("断网");
        if (!done.get("kind").asString().equals("done")) throw new AssertionError(done.toString());
        Matcher m = TICKET.matcher(done.get("text").asString());
        if (!m.find()) throw new AssertionError("no ticket id in " + done);
        return m.group();
    }

    @Override
    public void close() {
        socket.close();
    }
}
