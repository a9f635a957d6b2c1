package dev.gatehouse.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.RequestFacts;
import dev.gatehouse.aws.auth.SessionTokens;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.testing.AwsTestKit;
import dev.gatehouse.aws.testing.Nodes;
import dev.gatehouse.iam.policy.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** AuthorizationMessages sealing decisions and sts:DecodeAuthorizationMessage opening them. */
class DecodeAuthorizationMessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
      + "{\"Sid\":\"NoProdDeletes\",\"Effect\":\"Deny\",\"Action\":[\"iam:DeleteUser\",\"iam:DeleteRole\"],"
      + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-west-2\"]}}},"
      + "{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}";

  static AwsTestKit kit;
  static AuthorizationMessages messages;

  @BeforeAll
  static void start() {
    kit = AwsTestKit.start();
    messages = new AuthorizationMessages(kit.sessionKey());
    kit.register(List.of(new DecodeAuthorizationMessageOperation(messages).spec()));
    kit.call(kit.admin(), "CreateUser", "UserName", "dana");
    kit.call(kit.admin(), "PutUserPolicy", "UserName", "dana", "PolicyName", "guarded", "PolicyDocument", USER_POLICY);
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  /** What a service would attach to its AccessDenied: the decision of {@code caller} doing {@code action}. */
  private static String encode(Caller caller, String action, String resource) {
    RequestFacts facts = new RequestFacts(kit.clock().instant(), "10.0.0.7", true, "us-east-1");
    IamAuthorizer.Outcome outcome = kit.authorizer().authorize(caller, action, resource, Map.of(), facts);
    RequestContext context = kit.authorizer().context(caller, facts).build();
    return messages.encode(caller, action, resource, outcome.result(), context);
  }

  private static JsonNode decode(String encoded) throws Exception {
    Map<String, Object> out = Nodes.struct(kit.call(kit.admin(), "DecodeAuthorizationMessage",
        "EncodedMessage", encoded));
    return JSON.readTree((String) out.get("DecodedMessage"));
  }

  @Test
  void anExplicitDenyNamesTheDenyingStatementAndTheRequestContext() throws Exception {
    Caller dana = kit.user("dana");
    JsonNode doc = decode(encode(dana, "iam:DeleteUser", "arn:aws:iam::123456789012:user/other"));
    assertThat(doc.get("allowed").asBoolean()).isFalse();
    assertThat(doc.get("explicitDeny").asBoolean()).isTrue();
    JsonNode statement = doc.at("/matchedStatements/items/0");
    assertThat(doc.at("/matchedStatements/items").size()).isEqualTo(1);
    assertThat(statement.get("statementId").asText()).isEqualTo("NoProdDeletes");
    assertThat(statement.get("effect").asText()).isEqualTo("DENY");
    assertThat(statement.at("/principals/items/0/value").asText()).isEqualTo(dana.userId());
    assertThat(statement.at("/principalGroups/items").isArray()).isTrue();
    assertThat(statement.at("/actions/items").findValuesAsText("value")).containsExactly("iam:DeleteUser", "iam:DeleteRole");
    assertThat(statement.at("/resources/items").findValuesAsText("value")).containsExactly("*");
    assertThat(statement.at("/conditions/items/0/key").asText()).isEqualTo("aws:RequestedRegion");
    assertThat(statement.at("/conditions/items/0/values/items").findValuesAsText("value"))
        .containsExactly("eu-west-1", "eu-west-2");
    assertThat(doc.at("/failures/items").size()).isZero();
    assertThat(doc.at("/context/principal/id").asText()).isEqualTo(dana.userId());
    assertThat(doc.at("/context/principal/name").asText()).isEqualTo("dana");
    assertThat(doc.at("/context/principal/arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/dana");
    assertThat(doc.at("/context/action").asText()).isEqualTo("iam:DeleteUser");
    assertThat(doc.at("/context/resource").asText()).isEqualTo("arn:aws:iam::123456789012:user/other");
    assertThat(conditionValue(doc, "aws:SourceIp")).isEqualTo("10.0.0.7");
    assertThat(conditionValue(doc, "aws:username")).isEqualTo("dana");
    List<String> members = new java.util.ArrayList<>();
    doc.fieldNames().forEachRemaining(members::add);
    assertThat(members).containsExactly("allowed", "explicitDeny", "matchedStatements", "failures", "context");
  }

  @Test
  void anImplicitDenyHasNoMatchedStatements() throws Exception {
    kit.call(kit.admin(), "CreateUser", "UserName", "erin");
    JsonNode doc = decode(encode(kit.user("erin"), "s3:GetObject", "arn:aws:s3:::bucket/key"));
    assertThat(doc.get("allowed").asBoolean()).isFalse();
    assertThat(doc.get("explicitDeny").asBoolean()).isFalse();
    assertThat(doc.at("/matchedStatements/items").size()).isZero();
    assertThat(doc.at("/context/action").asText()).isEqualTo("s3:GetObject");
  }

  static Stream<Arguments> invalidMessages() {
    String genuine = encode(kit.user("dana"), "iam:DeleteUser", "*");
    // A character in the middle: the last one may carry only padding bits.
    int middle = genuine.length() / 2;
    String tampered = genuine.substring(0, middle) + (genuine.charAt(middle) == 'A' ? 'B' : 'A')
        + genuine.substring(middle + 1);
    String foreignKey = new AuthorizationMessages(SessionTokens.newKey()).seal("123456789012", "{\"allowed\":false}");
    String otherAccount = messages.seal("210987654321", "{\"allowed\":false}");
    return Stream.of(
        Arguments.of("not base64", "not a message!"),
        Arguments.of("an EC2 message", "rHU-pVHMSckD0OAc5l3r9-gKN1XZjZ2X9J3w0fZ31licaTpAVwlD9ix3fLSABy3XTEkRZRz0cNrXAz1L9EuYD42cSrVIrEBEd"),
        Arguments.of("tampered", tampered),
        Arguments.of("truncated", genuine.substring(0, genuine.length() / 2)),
        Arguments.of("sealed by another Gatehouse", foreignKey),
        Arguments.of("about another account", otherAccount));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMessages")
  void anythingThisGatehouseDidNotSealForTheAccountIsInvalid(String name, String encoded) {
    AwsError e = kit.error(kit.admin(), "DecodeAuthorizationMessage", AwsTestKit.pairs("EncodedMessage", encoded));
    assertThat(e.code()).isEqualTo("InvalidAuthorizationMessageException");
    assertThat(e.message()).isEqualTo(DecodeAuthorizationMessageOperation.INVALID);
    assertThat(e.httpStatus()).isEqualTo(400);
  }

  @Test
  void decodingNeedsItsOwnPermission() {
    kit.call(kit.admin(), "CreateUser", "UserName", "frank");
    AwsError e = kit.error(kit.user("frank"), "DecodeAuthorizationMessage",
        AwsTestKit.pairs("EncodedMessage", encode(kit.user("dana"), "iam:DeleteUser", "*")));
    assertThat(e.code()).isEqualTo("AccessDenied");
    assertThat(e.message()).isEqualTo("User: arn:aws:iam::123456789012:user/frank is not authorized to perform:"
        + " sts:DecodeAuthorizationMessage on resource: * because no identity-based policy allows the"
        + " sts:DecodeAuthorizationMessage action");
  }

  private static String conditionValue(JsonNode doc, String key) {
    for (JsonNode c : doc.at("/context/conditions/items")) {
      if (c.get("key").asText().equals(key)) {
        return c.at("/values/items/0/value").asText();
      }
    }
    return null;
  }
}
