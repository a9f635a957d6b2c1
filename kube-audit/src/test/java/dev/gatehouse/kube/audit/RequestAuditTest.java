package dev.gatehouse.kube.audit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RequestAudit behaviour that is not a single golden line. */
class RequestAuditTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC);
    private static final RequestAttributes GET_POD = RequestAttributes.resource("alice", List.of("devs"), "get", "",
            "v1", "pods", "", "default", "p", "/api/v1/namespaces/default/pods/p");
    private static final RequestMetadata METADATA =
            new RequestMetadata("id", "/api/v1/namespaces/default/pods/p", "ua", List.of("127.0.0.1"), T0, null);

    @Test
    void recordFailedAuthenticationWritesTheStandard401Event() {
        List<AuditEvent> events = new ArrayList<>();
        new Auditor(AuditPolicy.defaultPolicy(), events::add, CLOCK).recordFailedAuthentication(GET_POD, METADATA);

        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.stage()).isEqualTo(Stage.RESPONSE_STARTED);
        assertThat(event.user()).isEqualTo(AuditUser.NONE);
        assertThat(event.responseStatus()).isEqualTo(ResponseStatus.unauthorized());
        assertThat(event.toJson()).contains("\"user\":{},")
                .contains("\"responseStatus\":{\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\","
                        + "\"reason\":\"Unauthorized\",\"code\":401}");
    }

    @Test
    void anAnnotationKeepsItsFirstValue() {
        List<AuditEvent> events = new ArrayList<>();
        RequestAudit audit = new Auditor(AuditPolicy.defaultPolicy(), events::add, CLOCK).begin(GET_POD, METADATA, false);
        audit.annotate("example.com/k", "first");
        audit.annotate("example.com/k", "second");
        audit.annotate("example.com/k", "first");
        audit.complete();
        assertThat(events.get(0).annotations()).containsEntry("example.com/k", "first");
    }

    @Test
    void eventsAreSnapshotsThatLaterCallsDoNotChange() {
        List<AuditEvent> events = new ArrayList<>();
        RequestAudit audit = new Auditor(AuditPolicy.defaultPolicy(), events::add, CLOCK).begin(GET_POD, METADATA, true);
        audit.requestReceived();
        audit.allowed("because");
        audit.responseStarted(200);
        audit.annotate("late", "value");
        audit.complete();
        audit.complete();

        assertThat(events).extracting(AuditEvent::stage)
                .containsExactly(Stage.REQUEST_RECEIVED, Stage.RESPONSE_STARTED, Stage.RESPONSE_COMPLETE);
        assertThat(events.get(0).annotations()).isEmpty();
        assertThat(events.get(1).annotations()).doesNotContainKey("late");
        assertThat(events.get(2).annotations()).containsEntry("late", "value");
    }

    @Test
    void longUserAgentsAreTruncatedAt1024Bytes() {
        String agent = "é".repeat(600);
        RequestMetadata metadata = new RequestMetadata("id", "/", agent, List.of(), T0, null);
        assertThat(metadata.userAgent()).isEqualTo("é".repeat(512) + "...TRUNCATED");
    }

    @Test
    void metadataLevelNeverKeepsBodies() {
        List<AuditEvent> events = new ArrayList<>();
        RequestAudit audit = new Auditor(AuditPolicy.defaultPolicy(), events::add, CLOCK).begin(GET_POD, METADATA, false);
        audit.requestObject(TestData.JSON.createObjectNode().put("kind", "Pod"));
        audit.responseObject(TestData.JSON.createObjectNode().put("kind", "Pod"));
        audit.complete();
        assertThat(events.get(0).requestObject()).isNull();
        assertThat(events.get(0).responseObject()).isNull();
    }
}
