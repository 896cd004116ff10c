package io.kefu.server.agent;

import io.kefu.server.chat.ChatClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;

import static io.kefu.server.chat.ChatClient.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Today is a holiday here: even with an agent signed in, a customer asking for a person is told so and leaves a
 * message with a mobile number, which becomes a ticket for the agents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.handoff.hours=MON-SUN 00:00-24:00", "kefu.handoff.zone=Asia/Shanghai"})
class OutsideServiceHoursIT {

    @RegisterExtension
    final HandoffFixture fixture = new HandoffFixture();

    @org.springframework.test.context.DynamicPropertySource
    static void holidays(org.springframework.test.context.DynamicPropertyRegistry registry) {
        // yesterday, today and tomorrow in the service's zone, so the test does not depend on the hour it runs
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        registry.add("kefu.handoff.holidays", () -> today.minusDays(1) + "," + today + "," + today.plusDays(1));
    }

    @Test
    void onAHolidayTheCustomerLeavesAMessageThatBecomesATicket() {
        fixture.agentOnline("值班", 5);
        HandoffFixture.Customer asking = fixture.customer();
        ChatClient customer = asking.socket();
        String conversation = asking.conversation();
        customer.send(message("h1", "转人工"));
        customer.next("ack");
        assertEquals("handoff", customer.next("message").get("kind").asString());
        JsonNode closed = customer.next("message");
        assertEquals("leave_message", closed.get("kind").asString(), closed.toString());
        assertTrue(closed.get("text").asString().contains("非人工服务时间"), closed.toString());
        assertTrue(closed.get("text").asString().contains("每天 00:00–24:00"), closed.toString());
        assertTrue(customer.next("message").get("text").asString().contains("手机号码"));

        customer.send(message("h2", "我的号码是 139 1234 5678"));
        customer.next("ack");
        assertEquals("prompt", customer.next("message").get("kind").asString());
        customer.send(message("h3", "宽带装机预约想改到周六上午"));
        customer.next("ack");
        JsonNode left = customer.next("message");
        assertEquals("done", left.get("kind").asString(), left.toString());
        assertTrue(left.get("text").asString().contains("139****5678"), left.toString());

        String slots = fixture.jdbc().sql("select slots from tickets where conversation_id = ? and intent = 'leave_message'")
                .param(conversation).query(String.class).single();
        assertTrue(slots.contains("13912345678") && slots.contains("宽带装机预约想改到周六上午"), slots);
        assertEquals("bot", fixture.jdbc().sql("select handoff from conversations where id = ?").param(conversation)
                .query(String.class).single(), "nobody waits in a queue no one serves");
    }
}
