package dev.gatehouse.aws.model;

import java.time.Instant;

/** An AWS account Gatehouse hosts. */
public record Account(String id, String alias, Instant created) {}
