package dev.gatehouse.aws.eks.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.server.AwsResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EKS error as the REST-JSON protocol sends it: the HTTP status, {@code X-Amzn-ErrorType: <code>}, and a JSON
 * body with the error shape's members in the model's order, absent ones as {@code null}, as moto 5.2.1 renders
 * AWS's answers (e.g. {@code {"clusterName":null,…,"message":"No cluster found for name: nope."}}). Codes that
 * are not modelled error shapes (authentication failures, unknown operations) carry {@code message} only.
 *
 * @param members values of the shape's non-message members (e.g. {@code clusterName}); absent ones are null
 */
public record EksError(String code, int status, String message, Map<String, String> members) {
  /** The members of the EKS model's (botocore 1.43.11, eks 2017-11-01) error shapes, in model order. */
  private static final Map<String, List<String>> SHAPES = Map.ofEntries(
      Map.entry("AccessDeniedException", List.of("message")),
      Map.entry("BadRequestException", List.of("message")),
      Map.entry("ClientException", List.of("clusterName", "nodegroupName", "addonName", "subscriptionId", "message")),
      Map.entry("InvalidParameterException",
          List.of("clusterName", "nodegroupName", "fargateProfileName", "addonName", "subscriptionId", "message")),
      Map.entry("InvalidRequestException",
          List.of("clusterName", "nodegroupName", "addonName", "subscriptionId", "message")),
      Map.entry("NotFoundException", List.of("message")),
      Map.entry("ResourceInUseException", List.of("clusterName", "nodegroupName", "addonName", "message")),
      Map.entry("ResourceLimitExceededException", List.of("clusterName", "nodegroupName", "subscriptionId", "message")),
      Map.entry("ResourceNotFoundException",
          List.of("clusterName", "nodegroupName", "fargateProfileName", "addonName", "subscriptionId", "message")),
      Map.entry("ServerException", List.of("clusterName", "nodegroupName", "addonName", "subscriptionId", "message")),
      Map.entry("ServiceUnavailableException", List.of("message")),
      Map.entry("ThrottlingException", List.of("clusterName", "message")));

  /** Statuses of the modelled shapes, then of the protocol-level codes every AWS JSON service may answer. */
  private static final Map<String, Integer> STATUS = Map.ofEntries(
      Map.entry("AccessDeniedException", 403), Map.entry("BadRequestException", 400),
      Map.entry("ClientException", 400), Map.entry("InvalidParameterException", 400),
      Map.entry("InvalidRequestException", 400), Map.entry("NotFoundException", 404),
      Map.entry("ResourceInUseException", 409), Map.entry("ResourceLimitExceededException", 400),
      Map.entry("ResourceNotFoundException", 404), Map.entry("ServerException", 500),
      Map.entry("ServiceUnavailableException", 503), Map.entry("ThrottlingException", 429),
      Map.entry("UnknownOperationException", 404), Map.entry("UnrecognizedClientException", 403),
      Map.entry("InvalidSignatureException", 403), Map.entry("IncompleteSignatureException", 400),
      Map.entry("MissingAuthenticationTokenException", 403), Map.entry("ExpiredTokenException", 403),
      Map.entry("MalformedQueryString", 400));

  public EksError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    members = members == null ? Map.of() : Map.copyOf(members);
  }

  /** An error whose status follows from its code. */
  public static EksError of(String code, String message) {
    Integer status = STATUS.get(code);
    if (status == null) {
      throw new IllegalArgumentException("eks: no status known for error code " + code);
    }
    return new EksError(code, status, message, Map.of());
  }

  /** The same error naming its cluster in the {@code clusterName} member. */
  public EksError withClusterName(String clusterName) {
    Map<String, String> m = new LinkedHashMap<>(members);
    m.put("clusterName", clusterName);
    return new EksError(code, status, message, m);
  }

  public EksException exception() {
    return new EksException(this);
  }

  public byte[] body() {
    ObjectNode out = EksJson.object();
    for (String member : SHAPES.getOrDefault(code, List.of("message"))) {
      out.put(member, member.equals("message") ? message : members.get(member));
    }
    return EksJson.bytes(out);
  }

  public AwsResponse response(String requestId) {
    return new AwsResponse(status, EksJson.CONTENT_TYPE, body(), requestId, Map.of("X-Amzn-ErrorType", code));
  }
}
