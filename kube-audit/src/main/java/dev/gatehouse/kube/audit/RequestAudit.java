package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit record of one request as it moves through the server, upstream's {@code AuditContext} plus the stage
 * logic of the {@code WithAudit} filter and its response writer. Create it with {@link Auditor}; call the methods in
 * request order:
 * <ol>
 *   <li>{@link #requestReceived()} right away (writes the RequestReceived event);</li>
 *   <li>{@link #impersonatedUser}, {@link #allowed}/{@link #forbidden}, {@link #annotate} as they happen;</li>
 *   <li>{@link #requestObject} / {@link #requestPatch} once the body is decoded;</li>
 *   <li>{@link #responseObject} with the object or Status about to be sent, then {@link #responseStarted(int)} when
 *   the status line goes out (writes ResponseStarted for long-running requests);</li>
 *   <li>{@link #complete()} when the response is finished, or {@link #panic(String)} if the handler failed.</li>
 * </ol>
 * When the policy level is {@link Level#NONE} every method does nothing. Methods are thread-safe: a watch may finish
 * on another thread than the one that started it.
 */
public final class RequestAudit {
    private static final Logger LOG = LoggerFactory.getLogger(RequestAudit.class);

    static final String DECISION_ANNOTATION = "authorization.k8s.io/decision";
    static final String REASON_ANNOTATION = "authorization.k8s.io/reason";

    /** Which events a request produces besides RequestReceived and ResponseComplete. */
    enum Mode {
        ORDINARY,
        /** Also ResponseStarted when the response begins. */
        LONG_RUNNING,
        /** Only ResponseStarted, when the 401 is sent (upstream {@code WithFailedAuthenticationAudit}). */
        FAILED_AUTHENTICATION
    }

    private final RuleEvaluation evaluation;
    private final Mode mode;
    private final AuditSink sink;
    private final Clock clock;
    private final String auditId;
    private final String requestUri;
    private final String verb;
    private final AuditUser user;
    private final List<String> sourceIps;
    private final String userAgent;
    private final Instant receivedAt;
    private final Map<String, String> annotations = new TreeMap<>();

    private AuditUser impersonatedUser;
    private ObjectReference objectRef;
    private ResponseStatus responseStatus;
    private JsonNode requestObject;
    private JsonNode responseObject;
    private boolean responseStarted;
    private boolean finished;

    RequestAudit(RuleEvaluation evaluation, RequestAttributes attributes, RequestMetadata metadata, AuditSink sink,
                 Clock clock, Mode mode) {
        this.evaluation = evaluation;
        this.mode = mode;
        this.sink = sink;
        this.clock = clock;
        this.auditId = metadata.auditId();
        this.requestUri = RequestUris.redactAccessToken(metadata.requestUri());
        this.verb = attributes.verb();
        this.user = metadata.user() != null ? metadata.user()
                : attributes.authenticated() ? AuditUser.of(attributes.user(), attributes.groups()) : AuditUser.NONE;
        this.sourceIps = metadata.sourceIps();
        this.userAgent = metadata.userAgent();
        this.receivedAt = metadata.receivedAt();
        this.objectRef = attributes.resourceRequest() ? ObjectReference.of(attributes) : null;
    }

    /** The policy's verdict for this request. */
    public RuleEvaluation evaluation() {
        return evaluation;
    }

    /** Whether this request produces events at all (its level is not None). */
    public boolean enabled() {
        return evaluation.enabled();
    }

    /** Writes the RequestReceived event, stamped with the arrival time. */
    public synchronized void requestReceived() {
        if (!enabled() || finished || mode == Mode.FAILED_AUTHENTICATION) {
            return;
        }
        emit(Stage.REQUEST_RECEIVED, receivedAt);
    }

    /**
     * Adds an annotation. As upstream, a key keeps its first value: a different later value is dropped with a
     * warning.
     */
    public synchronized void annotate(String key, String value) {
        if (!enabled()) {
            return;
        }
        String existing = annotations.get(key);
        if (existing != null && !existing.equals(value)) {
            LOG.warn("Failed to set annotations[\"{}\"] to \"{}\" for audit:\"{}\", it has already been set to \"{}\"",
                    key, value, auditId, existing);
            return;
        }
        annotations.put(key, value);
    }

    /** The authorizer allowed the request: {@code authorization.k8s.io/decision: allow} and the reason. */
    public synchronized void allowed(String reason) {
        annotate(DECISION_ANNOTATION, "allow");
        annotate(REASON_ANNOTATION, reason == null ? "" : reason);
    }

    /** The authorizer denied the request: {@code authorization.k8s.io/decision: forbid} and the reason. */
    public synchronized void forbidden(String reason) {
        annotate(DECISION_ANNOTATION, "forbid");
        annotate(REASON_ANNOTATION, reason == null ? "" : reason);
    }

    /** The authorizer failed without allowing: upstream records only the reason {@code internal error}. */
    public synchronized void authorizationError() {
        annotate(REASON_ANNOTATION, "internal error");
    }

    /** The user the request acts as after impersonation. */
    public synchronized void impersonatedUser(AuditUser impersonated) {
        if (enabled()) {
            impersonatedUser = impersonated;
        }
    }

    /**
     * The decoded request body (create, update, delete options, subresource bodies). From Metadata on it completes
     * {@code objectRef} with the body's namespace, name, uid and resourceVersion where still empty; from Request on
     * the scrubbed body is logged.
     */
    public synchronized void requestObject(JsonNode body) {
        if (!enabled() || body == null) {
            return;
        }
        if (objectRef == null) {
            objectRef = new ObjectReference("", "", "", "", "", "", "", "");
        }
        JsonNode metadata = body.path("metadata");
        if (metadata.isObject()) {
            objectRef = objectRef.completedWith(metadata.path("namespace").asText(""),
                    metadata.path("name").asText(""), metadata.path("uid").asText(""),
                    metadata.path("resourceVersion").asText(""));
        }
        if (evaluation.level().less(Level.REQUEST)) {
            return;
        }
        requestObject = BodyScrubber.object(body, objectRef, evaluation.omitManagedFields());
    }

    /** A patch body (JSON, merge, strategic merge or apply patch as JSON), logged from Request on. */
    public synchronized void requestPatch(JsonNode patch) {
        if (!enabled() || patch == null || evaluation.level().less(Level.REQUEST)) {
            return;
        }
        requestObject = BodyScrubber.patch(patch, objectRef);
    }

    /**
     * The object about to be written as the response. A {@code Status} sets {@code responseStatus} (from Metadata
     * on); from RequestResponse on the scrubbed object is logged.
     */
    public synchronized void responseObject(JsonNode body) {
        if (!enabled() || body == null) {
            return;
        }
        if (isStatus(body)) {
            responseStatus = ResponseStatus.fromStatusObject(body);
        }
        if (evaluation.level().less(Level.REQUEST_RESPONSE)) {
            return;
        }
        responseObject = BodyScrubber.object(body, objectRef, evaluation.omitManagedFields());
    }

    /** Sets the response status directly, for responses whose Status is not passed to {@link #responseObject}. */
    public synchronized void responseStatus(ResponseStatus status) {
        if (enabled()) {
            responseStatus = status;
        }
    }

    /**
     * The response status line is being sent. The first call records the code; long-running requests and failed
     * authentications write their ResponseStarted event here.
     */
    public synchronized void responseStarted(int code) {
        if (!enabled() || responseStarted || finished) {
            return;
        }
        responseStarted = true;
        responseStatus = responseStatus == null ? ResponseStatus.ofCode(code) : responseStatus.withCode(code);
        if (mode != Mode.ORDINARY) {
            emit(Stage.RESPONSE_STARTED, clock.instant());
        }
        if (mode == Mode.FAILED_AUTHENTICATION) {
            finished = true;
        }
    }

    /**
     * The response is finished: writes ResponseComplete. A long-running request that never started its response
     * first gets upstream's faked ResponseStarted ("Connection closed early").
     */
    public synchronized void complete() {
        if (!enabled() || finished) {
            return;
        }
        finished = true;
        if (mode == Mode.FAILED_AUTHENTICATION) {
            return;
        }
        if (responseStatus == null && mode == Mode.LONG_RUNNING) {
            responseStatus = connectionClosedEarly();
            emit(Stage.RESPONSE_STARTED, clock.instant());
        }
        if (responseStatus == null) {
            responseStatus = connectionClosedEarly();
        }
        emit(Stage.RESPONSE_COMPLETE, clock.instant());
    }

    /** The handler failed unexpectedly: writes a Panic event with upstream's 500 status. */
    public synchronized void panic(String cause) {
        if (!enabled() || finished) {
            return;
        }
        finished = true;
        responseStatus = new ResponseStatus("Failure", "APIServer panic'd: " + cause, "InternalError", null, 500);
        emit(Stage.PANIC, clock.instant());
    }

    private static ResponseStatus connectionClosedEarly() {
        return new ResponseStatus("Success", "Connection closed early", "", null, 200);
    }

    private static boolean isStatus(JsonNode body) {
        String apiVersion = body.path("apiVersion").asText("");
        return "Status".equals(body.path("kind").asText())
                && (apiVersion.isEmpty() || apiVersion.equals("v1") || apiVersion.equals("meta.k8s.io/v1"));
    }

    private void emit(Stage stage, Instant stageTimestamp) {
        if (!evaluation.writes(stage)) {
            return;
        }
        sink.process(snapshot(stage, stageTimestamp));
    }

    private AuditEvent snapshot(Stage stage, Instant stageTimestamp) {
        return AuditEvent.builder()
                .level(evaluation.level())
                .auditId(auditId)
                .stage(stage)
                .requestUri(requestUri)
                .verb(verb)
                .user(user)
                .impersonatedUser(impersonatedUser)
                .sourceIps(sourceIps)
                .userAgent(userAgent)
                .objectRef(objectRef)
                .responseStatus(responseStatus)
                .requestObject(requestObject)
                .responseObject(responseObject)
                .requestReceivedTimestamp(receivedAt)
                .stageTimestamp(stageTimestamp)
                .annotations(annotations)
                .build();
    }
}
