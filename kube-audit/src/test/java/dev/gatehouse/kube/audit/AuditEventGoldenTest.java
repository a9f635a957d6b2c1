package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole requests driven through Auditor and RequestAudit, compared line by line with events.yaml. */
class AuditEventGoldenTest {
    private static final JsonNode DATA = TestData.load("events.yaml");

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return StreamSupport.stream(DATA.path("scenarios").spliterator(), false)
                .map(s -> DynamicTest.dynamicTest(s.path("name").asText(), () -> run(s)));
    }

    private static void run(JsonNode scenario) throws Exception {
        AuditPolicy policy = scenario.hasNonNull("policy")
                ? AuditPolicy.parse(scenario.path("policy").asText())
                : AuditPolicy.defaultPolicy();
        List<AuditEvent> events = new ArrayList<>();
        ScriptedClock clock = new ScriptedClock(scenario.path("clock"));
        Auditor auditor = new Auditor(policy, events::add, clock);
        RequestAttributes attributes = TestData.attributes(scenario.path("attributes"));
        RequestMetadata metadata = TestData.metadata(scenario.path("metadata"));
        RequestAudit audit = switch (scenario.path("mode").asText()) {
            case "ordinary" -> auditor.begin(attributes, metadata, false);
            case "longRunning" -> auditor.begin(attributes, metadata, true);
            case "failedAuthentication" -> auditor.beginFailedAuthentication(attributes, metadata);
            default -> throw new IllegalArgumentException("unknown mode " + scenario.path("mode"));
        };
        for (JsonNode step : scenario.path("steps")) {
            apply(audit, step);
        }

        String actual = events.stream().map(AuditEvent::toJson).collect(Collectors.joining("\n"));
        assertThat(actual).isEqualTo(scenario.path("events").asText().strip());
        for (AuditEvent event : events) {
            // Every line is valid JSON that names its kind first.
            JsonNode parsed = TestData.JSON.readTree(event.toJson());
            assertThat(parsed.fieldNames().next()).isEqualTo("kind");
            assertThat(parsed.path("apiVersion").asText()).isEqualTo("audit.k8s.io/v1");
        }
    }

    private static void apply(RequestAudit audit, JsonNode step) {
        if (step.isTextual()) {
            switch (step.asText()) {
                case "requestReceived" -> audit.requestReceived();
                case "complete" -> audit.complete();
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
            return;
        }
        Map.Entry<String, JsonNode> only = step.fields().next();
        JsonNode arg = only.getValue();
        switch (only.getKey()) {
            case "allowed" -> audit.allowed(arg.asText());
            case "forbidden" -> audit.forbidden(arg.asText());
            case "annotate" -> audit.annotate(arg.path("key").asText(), arg.path("value").asText());
            case "impersonate" -> audit.impersonatedUser(TestData.user(arg));
            case "requestObject" -> audit.requestObject(arg);
            case "requestPatch" -> audit.requestPatch(arg);
            case "responseObject" -> audit.responseObject(arg);
            case "responseStatus" -> audit.responseStatus(ResponseStatus.fromStatusObject(arg));
            case "responseStarted" -> audit.responseStarted(arg.asInt());
            case "panic" -> audit.panic(arg.asText());
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }

    /** Returns the scenario's instants in order and fails when the code asks for more than the script has. */
    private static final class ScriptedClock extends Clock {
        private final Deque<Instant> instants = new ArrayDeque<>();

        ScriptedClock(JsonNode script) {
            script.forEach(instant -> instants.add(Instant.parse(instant.asText())));
        }

        @Override
        public Instant instant() {
            assertThat(instants).as("clock readings left").isNotEmpty();
            return instants.poll();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
