package dev.gatehouse.kube.audit;

import java.util.Optional;

/**
 * How much of a request is recorded, upstream {@code audit.Level}. The order of the constants is the order upstream's
 * {@code Level.Less} uses: each level records everything the previous one does and more.
 */
public enum Level {
    /** Nothing is recorded. */
    NONE("None"),
    /** User, verb, resource, timestamps, response status and annotations; no bodies. */
    METADATA("Metadata"),
    /** Metadata plus the request body. */
    REQUEST("Request"),
    /** Request plus the response body. */
    REQUEST_RESPONSE("RequestResponse");

    private final String wireName;

    Level(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in policies and events, e.g. {@code RequestResponse}. */
    public String wireName() {
        return wireName;
    }

    /** Upstream {@code Level.Less}: whether this level records strictly less than {@code other}. */
    public boolean less(Level other) {
        return compareTo(other) < 0;
    }

    /** The level with this exact (case-sensitive) wire name. */
    public static Optional<Level> fromWireName(String name) {
        for (Level level : values()) {
            if (level.wireName.equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
