package dev.gatehouse.aws.server;

/** What the AWS endpoint answers, before it goes on the wire. */
public record AwsResponse(int status, String contentType, byte[] body, String requestId) {}
