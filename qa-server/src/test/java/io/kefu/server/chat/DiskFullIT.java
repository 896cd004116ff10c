package io.kefu.server.chat;

import io.kefu.server.KefuServerApplication;
import io.kefu.server.LogCapture;
import io.kefu.server.SmallDisk;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.kefu.server.chat.ChatClient.frame;
import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data directory's disk fills up under chat (a small tmpfs: {@link SmallDisk}): messages get the temporary error
 * the widget retries on, never an acknowledgement of what was not stored, and no failure of ours in the log; after space
 * returns and the server restarts, the store opens with every acknowledged message in it and serves again.
 * <p>
 * Not asserted, because it does not hold on the default store: serving again without a restart. H2 closes a store
 * whose write failed, and the group commit's own session on it keeps its file locked, so the pool cannot open it again
 * (it did before the group commit, with a write at every commit); see the closing note of issue 16.
 */
class DiskFullIT {

    @Test
    void aFullDiskGivesClearErrorsAndTheStoreOpensWithEverythingAcknowledgedWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(24)) {
            List<String> acknowledged = new ArrayList<>();
            String conversation;
            String token;
            int refused = 0;
            ConfigurableApplicationContext server = start(disk);
            try (LogCapture log = LogCapture.capture(); ChatClient customer = ChatClient.connect(port(server))) {
                customer.send(frame("hello").put("v", 1));
                JsonNode welcome = customer.next("welcome");
                conversation = welcome.get("conversation").asString();
                token = welcome.get("token").asString();
                say(customer, "m1", "话费怎么查", acknowledged);

                disk.fill();
                // H2 keeps recent changes in memory a moment before it writes: the disk shows as full within a few
                for (int i = 2; i <= 40 && refused == 0; i++) {
                    JsonNode answer = send(customer, "m" + i, "流量还剩多少" + i);
                    if (answer.get("type").asString().equals("ack")) {
                        acknowledged.add("m" + i);
                    } else {
                        assertEquals("unavailable", answer.get("code").asString(), answer.toString());
                        refused = i;
                    }
                    Thread.sleep(150);
                }
                assertTrue(refused > 0, "the full disk was never noticed");

                assertEquals(List.of(), log.failures().stream().filter(f -> f.contains("io.kefu")).toList(),
                        "a full disk is not a failure of ours");
            } finally {
                server.close();
            }
            disk.empty();

            // a restart opens the same store, with everything that was acknowledged
            ConfigurableApplicationContext again = start(disk);
            try {
                JdbcClient jdbc = again.getBean(JdbcClient.class);
                for (String id : acknowledged) {
                    assertEquals(1, jdbc.sql("select count(*) from messages where conversation_id = ? and client_id = ?"
                            + " and sender = 'customer'").params(conversation, id).query(Integer.class).single(), id);
                }
                try (ChatClient back = ChatClient.connect(port(again))) {
                    back.send(frame("hello").put("v", 1).put("token", token).put("conversation", conversation));
                    assertTrue(back.next("welcome").get("resumed").asBoolean());
                    say(back, "m" + refused, "流量还剩多少" + refused, new ArrayList<>());
                    say(back, "restarted", "你好", new ArrayList<>());
                }
            } finally {
                again.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(SmallDisk disk) {
        // the embedded store on the small disk as shipped (the tests' own properties keep it in memory): a message is
        // acknowledged only once the group commit has written it to the file
        return new SpringApplicationBuilder(KefuServerApplication.class).run("--server.port=0",
                "--kefu.data-dir=" + disk.path(),
                "--kefu.database.url=jdbc:h2:file:" + disk.path() + "/kefu;DB_CLOSE_ON_EXIT=FALSE");
    }

    private static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    /** Sends a message; returns its ack or the error about it. */
    private static JsonNode send(ChatClient customer, String id, String text) {
        customer.send(message(id, text));
        while (true) {
            JsonNode frame = customer.next();
            String type = frame.get("type").asString();
            if ((type.equals("ack") || type.equals("error")) && id.equals(frame.path("id").asString(null))) return frame;
            // an earlier message may be stored and acknowledged, and then its answer not (the disk filled in between):
            // that error names no message, because the message is not to be sent again; any other is a failure
            if (type.equals("error") && !frame.get("code").asString().equals("unavailable")) {
                throw new AssertionError("an error the disk cannot explain: " + frame);
            }
        }
    }

    private static void say(ChatClient customer, String id, String text, List<String> acknowledged) {
        JsonNode answer = send(customer, id, text);
        assertEquals("ack", answer.get("type").asString(), answer.toString());
        acknowledged.add(id);
        customer.drain(Duration.ofMillis(300));
    }
}
