package dev.gatehouse.aws.model;

import java.time.Instant;

/** One version of a managed policy; {@code document} as given (not URL-encoded). */
public record PolicyVersion(String versionId, String document, Instant created) {}
