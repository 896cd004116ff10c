package io.kefu.server.outreach;

import io.kefu.server.chat.ChatClient;
import io.kefu.server.operations.OpsServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/** The operator's side in the outreach tests: its systems' API calls and its pages' signed visitor profiles. */
final class OutreachClient {

    static final JsonMapper JSON = ChatClient.JSON;

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    OutreachClient(int port) {
        this.port = port;
    }

    /** A visitor profile naming the customer, signed as the operator's page server signs it. */
    static String profile(String customer) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"customer\":\"" + customer + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(OpsServer.PROFILE_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Says hello as a new visitor with a signed profile naming the customer; returns the welcome. */
    static JsonNode hello(ChatClient client, String customer) {
        client.send(ChatClient.frame("hello").put("v", 1).put("profile", profile(customer)));
        return client.next("welcome");
    }

    HttpResponse<String> send(String json) {
        return send(json, OpsServer.OUTREACH_KEY);
    }

    HttpResponse<String> send(String json, String key) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/outreach"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) request.header("Authorization", "Bearer " + key);
        return call(request.build());
    }

    JsonNode status(String id) {
        HttpResponse<String> answer = call(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/outreach/" + id)).header("Authorization", "Bearer " + OpsServer.OUTREACH_KEY).build());
        if (answer.statusCode() != 200) throw new AssertionError(answer.statusCode() + " " + answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
