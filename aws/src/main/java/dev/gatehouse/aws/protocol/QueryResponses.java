package dev.gatehouse.aws.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Renders Query protocol responses.
 *
 * <p>XML, as IAM and STS send it (content type {@link #XML_CONTENT_TYPE}):
 * <pre>{@code
 * <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
 *   <GetCallerIdentityResult>
 *     <Arn>…</Arn>
 *   </GetCallerIdentityResult>
 *   <ResponseMetadata>
 *     <RequestId>…</RequestId>
 *   </ResponseMetadata>
 * </GetCallerIdentityResponse>
 * }</pre>
 * Operations without output ({@code result == null}) send only {@code ResponseMetadata}. Errors are
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 *
 * <p>JSON (for {@code Accept: application/json}, which aws-iam-authenticator sends to STS):
 * {@code {"GetCallerIdentityResponse":{"GetCallerIdentityResult":{…},"ResponseMetadata":{"RequestId":"…"}}}}
 * and {@code {"Error":{"Code":"…","Message":"…","Type":"Sender"},"RequestId":"…"}}.
 *
 * <p>Also send the request id as the {@code x-amzn-RequestId} header.
 */
public final class QueryResponses {
  public static final String XML_CONTENT_TYPE = "text/xml";
  public static final String JSON_CONTENT_TYPE = "application/json";

  private QueryResponses() {
  }

  /**
   * @param operation the action name, e.g. {@code GetCallerIdentity}; elements are {@code {operation}Response}
   *     and {@code {operation}Result}
   * @param result a {@link Node.Struct}, or {@code null} for operations without output
   */
  public static byte[] xml(String namespace, String operation, Node result, String requestId) {
    XmlRenderer xml = new XmlRenderer();
    xml.open(0, operation + "Response", Objects.requireNonNull(namespace, "namespace"));
    if (result != null) {
      xml.node(1, operation + "Result", asStruct(result));
    }
    xml.open(1, "ResponseMetadata", null);
    xml.leaf(2, "RequestId", requestId);
    xml.close(1, "ResponseMetadata");
    xml.close(0, operation + "Response");
    return xml.text().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] json(String operation, Node result, String requestId) {
    JsonRenderer json = new JsonRenderer();
    json.beginObject();
    json.name(operation + "Response", true);
    json.beginObject();
    boolean first = true;
    if (result != null) {
      json.name(operation + "Result", true);
      json.node(asStruct(result));
      first = false;
    }
    json.name("ResponseMetadata", first);
    json.beginObject();
    json.name("RequestId", true);
    json.string(requestId);
    json.endObject();
    json.endObject();
    json.endObject();
    return json.text().getBytes(StandardCharsets.UTF_8);
  }

  /** See {@link Namespaces#forError} for which namespace an error carries. */
  public static byte[] errorXml(String namespace, AwsError error, String requestId) {
    XmlRenderer xml = new XmlRenderer();
    xml.open(0, "ErrorResponse", Objects.requireNonNull(namespace, "namespace"));
    xml.open(1, "Error", null);
    xml.leaf(2, "Type", error.type());
    xml.leaf(2, "Code", error.code());
    if (!error.message().isEmpty()) {
      xml.leaf(2, "Message", error.message());
    }
    xml.close(1, "Error");
    xml.leaf(1, "RequestId", requestId);
    xml.close(0, "ErrorResponse");
    return xml.text().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] errorJson(AwsError error, String requestId) {
    JsonRenderer json = new JsonRenderer();
    json.beginObject();
    json.name("Error", true);
    json.beginObject();
    json.name("Code", true);
    json.string(error.code());
    if (!error.message().isEmpty()) {
      json.name("Message", false);
      json.string(error.message());
    }
    json.name("Type", false);
    json.string(error.type());
    json.endObject();
    json.name("RequestId", false);
    json.string(requestId);
    json.endObject();
    return json.text().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A policy document as IAM returns it ({@code AssumeRolePolicyDocument}, {@code PolicyDocument},
   * {@code Document}): percent-encoded UTF-8 with everything but {@code A-Za-z0-9-_.~} escaped, so a space is
   * {@code %20} (never {@code +}: botocore decodes with {@code urllib.parse.unquote}, which keeps a plus), a
   * newline {@code %0A} and {@code *} {@code %2A}, as in documents returned by IAM.
   */
  public static String urlEncodePolicy(String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte value : bytes) {
      int b = value & 0xff;
      if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
          || b == '-' || b == '_' || b == '.' || b == '~') {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >>> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static Node.Struct asStruct(Node result) {
    if (result instanceof Node.Struct struct) {
      return struct;
    }
    throw new IllegalArgumentException("protocol: an operation result must be a Struct, got " + result);
  }
}
