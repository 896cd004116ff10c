package io.kefu.server.ticket;

import io.kefu.qa.dialog.DialogueEffect;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;

/** Posts a completed form to its webhook as JSON: {@code {"intent", "slots", "conversation"}}. Never throws. */
final class Webhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;

    Webhook(HttpClient http) {
        this.http = http;
    }

    /** @return null on a 2xx answer, otherwise what went wrong */
    String post(DialogueEffect.CallWebhook call, String conversation) {
        var body = new LinkedHashMap<String, Object>();
        body.put("intent", call.form());
        body.put("slots", call.values());
        body.put("conversation", conversation);
        var request = HttpRequest.newBuilder(call.url()).timeout(call.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
