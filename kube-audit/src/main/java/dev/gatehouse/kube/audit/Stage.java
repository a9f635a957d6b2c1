package dev.gatehouse.kube.audit;

import java.util.Optional;

/** The point in a request's life an event describes, upstream {@code audit.Stage}. */
public enum Stage {
    /** As soon as the audit handler sees the request, before authorization. */
    REQUEST_RECEIVED("RequestReceived"),
    /** After the response headers are sent and before the body; only for long-running requests such as watch. */
    RESPONSE_STARTED("ResponseStarted"),
    /** After the response body is complete. */
    RESPONSE_COMPLETE("ResponseComplete"),
    /** When the handler failed unexpectedly. */
    PANIC("Panic");

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in policies and events, e.g. {@code ResponseComplete}. */
    public String wireName() {
        return wireName;
    }

    /** The stage with this exact (case-sensitive) wire name. */
    public static Optional<Stage> fromWireName(String name) {
        for (Stage stage : values()) {
            if (stage.wireName.equals(name)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
