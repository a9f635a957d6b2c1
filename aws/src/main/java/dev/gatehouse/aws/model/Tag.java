package dev.gatehouse.aws.model;

/** An IAM tag. Keys are case-sensitive in storage but unique case-insensitively, as IAM does. */
public record Tag(String key, String value) {}
