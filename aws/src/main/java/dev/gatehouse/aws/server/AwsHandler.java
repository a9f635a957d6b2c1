package dev.gatehouse.aws.server;

import dev.gatehouse.aws.sigv4.HttpRequestView;

/** One stage that answers AWS requests whole: the Query pipeline, the EKS REST-JSON pipeline, or the router. */
@FunctionalInterface
public interface AwsHandler {
  /** Never throws: every refusal is the protocol's error document. */
  AwsResponse handle(HttpRequestView request, String sourceIp, boolean secureTransport);
}
