package io.kefu.server.operations;

import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probes, Prometheus metrics and the OpenAPI description on a real server, with who may read each. */
@OpsServer
class OperationsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    ApplicationContext context;

    @Test
    void probesAreOpenAndSayOnlyUpOrDown() {
        var anonymous = StaffSession.anonymous(port);
        HttpResponse<String> liveness = anonymous.get("/actuator/health/liveness");
        assertEquals(200, liveness.statusCode());
        assertTrue(liveness.body().contains("\"UP\""), liveness.body());
        HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
        assertEquals(200, readiness.statusCode(), readiness.body());
        assertFalse(readiness.body().contains("phrasings"), "details are for administrators: " + readiness.body());

        var admin = StaffSession.newAccount(port, staff, Role.ADMIN);
        String detailed = admin.get("/actuator/health/readiness").body();
        assertTrue(detailed.contains("\"bot\"") && detailed.contains("phrasings"), detailed);
    }

    @Test
    void readinessIsDownWhileTheApplicationRefusesTraffic() {
        var anonymous = StaffSession.anonymous(port);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> down = anonymous.get("/actuator/health/readiness");
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("OUT_OF_SERVICE"), down.body());
            assertEquals(200, anonymous.get("/actuator/health/liveness").statusCode(), "still alive");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertEquals(200, anonymous.get("/actuator/health/readiness").statusCode());
    }

    @Test
    void prometheusCarriesTheProductsMetricsForTheScraperAndAdministratorsOnly() {
        try (ChatClient customer = ChatClient.started(port)) {
            customer.send(ChatClient.message("m1", "话费怎么查"));
            customer.next("ack");
            customer.next("message");
        }
        var anonymous = StaffSession.anonymous(port);
        assertEquals(401, anonymous.get("/actuator/prometheus", "text/plain").statusCode());
        assertEquals(401, scrape("wrong-token").statusCode());
        assertEquals(403, StaffSession.newAccount(port, staff, Role.SUPERVISOR)
                .get("/actuator/prometheus", "text/plain").statusCode());

        HttpResponse<String> scraped = scrape(OpsServer.METRICS_TOKEN);
        assertEquals(200, scraped.statusCode());
        String metrics = scraped.body();
        for (String expected : new String[]{"kefu_messages_in_total{channel=\"web\"}",
                "kefu_messages_out_total{channel=\"web\",sender=\"bot\"}", "kefu_bot_decisions_total{kind=\"answer\"}",
                "kefu_handoffs_total{reason=\"request\"}", "kefu_reply_latency_seconds_bucket",
                "kefu_queue_length", "kefu_queue_longest_wait_seconds", "kefu_sockets_open{kind=\"customer\"}",
                "kefu_sockets_open{kind=\"agent\"}", "kefu_tickets{status=\"open\"}", "kefu_tickets_overdue"}) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }
        assertTrue(counter(metrics, "kefu_messages_in_total{channel=\"web\"}") >= 1);
        assertTrue(counter(metrics, "kefu_bot_decisions_total{kind=\"answer\"}") >= 1);
        assertEquals(200, StaffSession.newAccount(port, staff, Role.ADMIN)
                .get("/actuator/prometheus", "text/plain").statusCode());
    }

    @Test
    void otherActuatorEndpointsAreForAdministratorsAndSecretsAreNotExposed() {
        assertEquals(401, StaffSession.anonymous(port).get("/actuator/metrics").statusCode());
        assertEquals(403, scrapePath("/actuator/metrics", OpsServer.METRICS_TOKEN).statusCode(),
                "the scraper's key reads the metrics only");
        var admin = StaffSession.newAccount(port, staff, Role.ADMIN);
        assertEquals(200, admin.get("/actuator/metrics").statusCode());
        assertEquals(404, admin.get("/actuator/env").statusCode(), "the environment holds secrets: not exposed");
        assertEquals(404, admin.get("/actuator/heapdump").statusCode());
    }

    @Test
    void openApiDescriptionAndItsUiAreForSignedInAdministrators() {
        HttpResponse<String> anonymous = StaffSession.anonymous(port).get("/v3/api-docs");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").endsWith("/login"));
        assertEquals(403, StaffSession.newAccount(port, staff, Role.SUPERVISOR).get("/v3/api-docs").statusCode());

        var admin = StaffSession.newAccount(port, staff, Role.ADMIN);
        HttpResponse<String> docs = admin.get("/v3/api-docs");
        assertEquals(200, docs.statusCode());
        for (String path : new String[]{"\"/api/ask\"", "\"/api/admin/staff\"", "\"/api/analytics/summary\"",
                "\"/api/outreach\""}) {
            assertTrue(docs.body().contains(path), "the description lacks " + path);
        }
        HttpResponse<String> ui = admin.get("/swagger-ui/index.html", "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("swagger-ui"), ui.body());
    }

    private HttpResponse<String> scrape(String token) {
        return scrapePath("/actuator/prometheus", token);
    }

    private HttpResponse<String> scrapePath(String path, String token) {
        var session = StaffSession.anonymous(port);
        return session.send(HttpRequest.newBuilder(session.uri(path)).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    private static double counter(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series));
    }
}
