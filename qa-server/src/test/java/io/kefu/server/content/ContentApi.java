package io.kefu.server.content;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The content API as a script with an API token calls it. */
final class ContentApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String token;

    ContentApi(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** A response: its status and its body read as JSON (null when empty). */
    record Answer(int status, JsonNode body, String text) {
        JsonNode get(String field) {
            return body.get(field);
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    /** What the public bot answers: {@code /api/ask}. */
    JsonNode ask(String question) {
        return get("/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)).body();
    }
}
