package io.kefu.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server on a random port with the bundled demo knowledge, asked over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AskApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask" + query)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> ask(String question) throws Exception {
        return get("?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
    }

    @Test
    void answersFromTheBundledKnowledgeBase() throws Exception {
        HttpResponse<String> response = ask("话费余额怎么查询");
        assertEquals(200, response.statusCode());
        JsonNode reply = json.readTree(response.body());
        assertTrue(reply.get("kind").asString().equals("answer") || reply.get("kind").asString().equals("clarify"),
                response.body());
        String best = reply.get("kind").asString().equals("answer") ? reply.get("id").asString()
                : reply.get("suggestions").get(0).get("id").asString();
        assertTrue(best.startsWith("tel-billing-"), response.body());
        assertTrue(reply.get("score").asDouble() > 0 && reply.get("score").asDouble() <= 1);
        assertTrue(reply.get("suggestions").isArray());
    }

    @Test
    void theTraceShowsTheCalibratedThresholdsAndHowTheyWereChosen() throws Exception {
        JsonNode plain = json.readTree(ask("话费余额怎么查询").body());
        assertTrue(plain.get("trace") == null, "no trace unless asked: " + plain);
        String question = "我早上给手机充了50块钱话费，到现在还没到账，钱是扣了的，怎么回事";
        JsonNode reply = json.readTree(get("?trace=true&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)).body());
        JsonNode thresholds = reply.get("trace").get("thresholds");
        assertEquals("calibrated", thresholds.get("method").asString(), reply.toString());
        assertEquals("21+", thresholds.get("band").asString(), "a long message has the long messages' thresholds");
        assertTrue(thresholds.get("answer").asDouble() > 0 && thresholds.get("clarify").asDouble() <= thresholds.get("answer").asDouble());
        assertTrue(thresholds.get("objective").asString().contains("0.95"), thresholds.toString());
        assertTrue(thresholds.get("data").get("heldOutPhrasings").asInt() > 3000, thresholds.toString());
        assertTrue(thresholds.get("data").get("genericOutOfScope").asInt() >= 200, thresholds.toString());
        assertTrue(thresholds.get("achieved").get("rejection").asDouble() >= 0.95, thresholds.toString());
        assertTrue(thresholds.get("inBand").get("outOfScope").asInt() >= 20, thresholds.toString());
        assertTrue(reply.get("trace").get("candidates").size() > 0, reply.toString());
        JsonNode posted = json.readTree(post("{\"q\":\"" + question + "\",\"trace\":true}").body());
        assertEquals(reply.get("trace").get("thresholds"), posted.get("trace").get("thresholds"));
    }

    @Test
    void postReturnsTheSameReplyAsGet() throws Exception {
        HttpResponse<String> posted = post("{\"q\":\"银行卡丢了怎么办\"}");
        assertEquals(200, posted.statusCode());
        assertEquals(json.readTree(ask("银行卡丢了怎么办").body()), json.readTree(posted.body()));
        assertEquals(400, post("{\"q\":\"  \"}").statusCode());
        assertEquals(400, post("{}").statusCode());
        HttpResponse<String> broken = post("{\"q\":");
        assertEquals(400, broken.statusCode());
        assertTrue(broken.body().contains("请求格式不正确"), broken.body());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnrelatedQuestionIsNotAnswered() throws Exception {
        JsonNode reply = json.readTree(ask("红烧肉怎么做才好吃").body());
        assertTrue(!reply.get("kind").asString().equals("answer"), reply.toString());
    }

    @Test
    void badQuestionsGetAClearChineseError() throws Exception {
        HttpResponse<String> missing = get("");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("请输入"), missing.body());
        assertEquals(400, ask("   ").statusCode());
        HttpResponse<String> tooLong = ask("话".repeat(600));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("太长"), tooLong.body());
    }

    @Test
    void aQuestionThatIsNotUtf8GetsTheChineseErrorAndNoStackTrace(CapturedOutput log) throws Exception {
        int before = log.getAll().length();
        HttpResponse<String> broken = get("?q=%ff%fe");
        assertEquals(400, broken.statusCode(), broken.body());
        assertTrue(broken.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                broken.headers().toString());
        assertTrue(json.readTree(broken.body()).get("detail").asString().contains("UTF-8"), broken.body());
        String logged = log.getAll().substring(before);
        assertFalse(logged.contains("ERROR"), "an ERROR for a client's mistake: " + logged);
        assertFalse(logged.contains("\tat "), "a stack trace for a client's mistake: " + logged);
    }
}
