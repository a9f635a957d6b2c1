package dev.gatehouse.aws.server;

import dev.gatehouse.aws.sigv4.HttpRequestView;

/**
 * Splits the listener's traffic by path: the Query protocol (IAM, STS) always posts to, or presigns a GET of,
 * {@code /}; every REST-JSON operation (EKS: {@code /clusters…}, {@code /access-policies…}) has a longer path.
 * So {@code /} goes to the Query pipeline and anything else to the REST pipeline, which answers paths it does
 * not know itself.
 */
public final class AwsRouter implements AwsHandler {
  private final AwsHandler query;
  private final AwsHandler rest;

  public AwsRouter(AwsHandler query, AwsHandler rest) {
    this.query = query;
    this.rest = rest;
  }

  /** True for the Query endpoint's path. */
  public static boolean isQueryPath(String rawPath) {
    return rawPath.isEmpty() || rawPath.equals("/");
  }

  @Override
  public AwsResponse handle(HttpRequestView request, String sourceIp, boolean secureTransport) {
    return (isQueryPath(request.rawPath()) ? query : rest).handle(request, sourceIp, secureTransport);
  }
}
