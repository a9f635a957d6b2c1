package dev.gatehouse.kube.jwt.webhook;

import static dev.gatehouse.kube.jwt.testing.Cases.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Authenticated;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.NotApplicable;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Rejected;
import dev.gatehouse.kube.jwt.testing.Cases;
import dev.gatehouse.kube.jwt.testing.FakeTokenReviewServer;
import dev.gatehouse.kube.jwt.testing.MutableClock;
import dev.gatehouse.kube.jwt.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TokenReview webhook against local HTTPS servers ({@code webhook/webhook-cases.yaml}) and its cache. */
class WebhookTokenAuthenticatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookOptions.Backoff FAST_RETRY =
            new WebhookOptions.Backoff(Duration.ofMillis(10), 1.5, 0.2, 3);

    private static TestPki pki;
    private static FakeTokenReviewServer tls;
    private static FakeTokenReviewServer mtls;

    @BeforeAll
    static void startServers() {
        pki = TestPki.shared();
        tls = FakeTokenReviewServer.start(pki, false);
        mtls = FakeTokenReviewServer.start(pki, true);
    }

    @AfterAll
    static void stopServers() {
        tls.close();
        mtls.close();
    }

    static Stream<Arguments> cases() {
        return Cases.load("/webhook/webhook-cases.yaml");
    }

    static String kubeconfig(String server, String user) {
        String userBlock = switch (user) {
            case "token" -> "    token: webhook-secret\n";
            case "clientCert" -> "    client-certificate-data: " + b64(pki.clientCertPem()) + "\n"
                    + "    client-key-data: " + b64(pki.clientKeyPem()) + "\n";
            default -> "    {}\n";
        };
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: authn
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: apiserver
                  user:
                %scurrent-context: webhook
                contexts:
                - name: webhook
                  context: {cluster: authn, user: apiserver}
                """.formatted(server, b64(pki.caPem()), userBlock);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void review(String name, JsonNode c) throws Exception {
        FakeTokenReviewServer server = text(c, "server").equals("mtls") ? mtls : tls;
        JsonNode response = c.path("response");
        String body = response.has("raw") ? text(response, "raw")
                : response.has("body") ? JSON.writeValueAsString(response.get("body")) : "";
        server.respond(response.path("status").asInt(200), body, response.path("delayMillis").asLong(0),
                response.has("retryAfter") ? text(response, "retryAfter") : null);
        WebhookOptions options = WebhookOptions.defaults()
                .withRetry(FAST_RETRY)
                .withRequestTimeout(Duration.ofMillis(1500))
                .withImplicitAudiences(Cases.strings(c.get("implicitAudiences")))
                .withVersion(text(c, "version").isEmpty() ? "v1" : text(c, "version"));
        WebhookTokenAuthenticator authenticator = WebhookTokenAuthenticator.create(
                WebhookKubeconfig.parse(kubeconfig(server.url(), text(c, "user")), Path.of(".")), options);
        Cases.Templates t = new Cases.Templates(Map.of("URL", server.url()));

        TokenAuthenticationResult result = authenticator.authenticate("the-token",
                Cases.strings(c.get("audiences")));

        if (c.has("wantErr")) {
            assertThat(result).isEqualTo(new Rejected(t.apply(text(c, "wantErr"))));
        } else if (c.has("wantErrPrefix")) {
            assertThat(result).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.reason()).startsWith(t.apply(text(c, "wantErrPrefix"))));
        } else if (c.path("wantSkip").asBoolean()) {
            assertThat(result).isInstanceOf(NotApplicable.class);
            if (c.has("wantReason")) {
                assertThat(((NotApplicable) result).reason()).isEqualTo(text(c, "wantReason"));
            }
        } else {
            assertThat(result).isEqualTo(Cases.user(c.get("want"), t));
        }
        List<FakeTokenReviewServer.Request> requests = server.requests();
        if (c.has("wantRequests")) {
            assertThat(requests).hasSize(c.get("wantRequests").asInt());
        }
        if (c.has("wantAuthorization")) {
            assertThat(requests.get(0).authorization()).isEqualTo(text(c, "wantAuthorization"));
        }
        if (c.has("wantApiVersion")) {
            assertThat(requests.get(0).body().path("apiVersion").asText()).isEqualTo(text(c, "wantApiVersion"));
            assertThat(requests.get(0).body().path("kind").asText()).isEqualTo("TokenReview");
        }
        if (c.has("wantSpec")) {
            assertThat(requests.get(0).body().get("spec")).isEqualTo(c.get("wantSpec"));
        }
    }

    private WebhookTokenAuthenticator cached(MutableClock clock) {
        return WebhookTokenAuthenticator.create(WebhookKubeconfig.parse(kubeconfig(tls.url(), "none"), Path.of(".")),
                WebhookOptions.defaults().withRetry(FAST_RETRY).withClock(clock));
    }

    @Test
    void answersAreCachedForTheTtl() {
        tls.respond(200, "{\"status\":{\"authenticated\":true,\"user\":{\"username\":\"jane\"}}}", 0, null);
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        WebhookTokenAuthenticator authenticator = cached(clock);
        Authenticated jane = new Authenticated("jane", "", List.of(), Map.of());

        assertThat(authenticator.authenticate("tok", List.of())).isEqualTo(jane);
        assertThat(authenticator.authenticate("tok", List.of())).isEqualTo(jane);
        assertThat(tls.requests()).hasSize(1);

        assertThat(authenticator.authenticate("tok", List.of("api"))).isInstanceOf(NotApplicable.class);
        assertThat(authenticator.authenticate("other-token", List.of())).isEqualTo(jane);
        assertThat(tls.requests()).hasSize(3);

        clock.advance(Duration.ofMinutes(2));
        assertThat(authenticator.authenticate("tok", List.of())).isEqualTo(jane);
        assertThat(tls.requests()).hasSize(4);
    }

    @Test
    void denialsAreCachedButErrorsAreNot() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        WebhookTokenAuthenticator authenticator = cached(clock);

        tls.respond(200, "{\"status\":{\"authenticated\":false}}", 0, null);
        authenticator.authenticate("denied", List.of());
        authenticator.authenticate("denied", List.of());
        assertThat(tls.requests()).hasSize(1);

        tls.respond(200, "{\"status\":{\"authenticated\":false,\"error\":\"backend down\"}}", 0, null);
        assertThat(authenticator.authenticate("broken", List.of())).isEqualTo(new Rejected("backend down"));
        assertThat(authenticator.authenticate("broken", List.of())).isEqualTo(new Rejected("backend down"));
        assertThat(tls.requests()).hasSize(2);
    }

    @Test
    void concurrentIdenticalReviewsShareOneRequest() {
        tls.respond(200, "{\"status\":{\"authenticated\":true,\"user\":{\"username\":\"jane\"}}}", 300, null);
        WebhookTokenAuthenticator authenticator = cached(new MutableClock(Instant.now()));

        List<CompletableFuture<TokenAuthenticationResult>> results = IntStream.range(0, 10)
                .mapToObj(i -> authenticator.authenticateAsync("same", List.of())).toList();

        results.forEach(r -> assertThat(r.join()).isInstanceOf(Authenticated.class));
        assertThat(tls.requests()).hasSize(1);
    }
}
