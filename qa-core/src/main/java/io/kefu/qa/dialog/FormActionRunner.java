package io.kefu.qa.dialog;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Performs a completed form's action. Never throws: a failed webhook becomes a ticket with a note. */
final class FormActionRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketStore tickets;
    private final HttpClient http;

    FormActionRunner(TicketStore tickets, HttpClient http) {
        this.tickets = tickets;
        this.http = http;
    }

    /** The ticket that records the request, or {@code null} when a webhook took it. */
    Ticket run(FormDefinition form, Map<String, String> values, String conversation) {
        if (form.action() instanceof FormAction.Webhook webhook) {
            String failure = post(webhook, form.intent(), values, conversation);
            if (failure == null) return null;
            return tickets.create(form.intent(), values, conversation, "webhook failed: " + failure);
        }
        return tickets.create(form.intent(), values, conversation, "");
    }

    /** @return null on a 2xx answer, otherwise what went wrong */
    private String post(FormAction.Webhook webhook, String intent, Map<String, String> values, String conversation) {
        var body = new LinkedHashMap<String, Object>();
        body.put("intent", intent);
        body.put("slots", values);
        body.put("conversation", conversation);
        var request = HttpRequest.newBuilder(webhook.url()).timeout(webhook.timeout())
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
