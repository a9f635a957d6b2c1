package dev.gatehouse.aws.auth;

import java.time.Instant;

/** Request facts that become global condition keys: aws:SourceIp, aws:SecureTransport, aws:CurrentTime, ... */
public record RequestFacts(Instant now, String sourceIp, boolean secureTransport, String region) {}
