package dev.gatehouse.eks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.Batch;
import dev.gatehouse.aws.testing.AwsTestKit;
import dev.gatehouse.eks.EksTokenAuthenticator;
import dev.gatehouse.eks.authz.AccessPolicies;
import dev.gatehouse.eks.authz.AccessPolicyAuthorizer;
import dev.gatehouse.eks.token.AwsIdentity;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory over the real AWS state: what the EKS API writes is what mapping and authorization read. */
class EksDirectoryTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void mappingAndAuthorizationReadTheAwsState() {
    try (AwsTestKit kit = AwsTestKit.start()) {
      ObjectNode clusterSpec = NODES.objectNode().put("mode", EksCluster.API);
      EksCluster cluster = Fixtures.cluster("prod", clusterSpec);
      ObjectNode entrySpec = NODES.objectNode().put("principalArn", "arn:aws:iam::111122223333:role/ops/dev")
          .put("principalId", "AROADEV");
      entrySpec.putArray("groups").add("devs");
      entrySpec.putArray("policies").addObject().put("arn", "AmazonEKSViewPolicy").put("scope", "cluster");
      AccessEntry entry = Fixtures.entry("prod", entrySpec);
      kit.state().commit(new Batch(kit.state()).put(AwsKeys.eksCluster("prod"), cluster)
          .put(AwsKeys.accessEntry("prod", entry.principalArn()), entry)).join();

      EksDirectory eks = EksDirectory.of(kit.state());
      assertThat(eks.cluster("prod")).contains(cluster);
      assertThat(eks.cluster("staging")).isEmpty();
      assertThat(eks.accessEntries("prod")).containsExactly(entry);
      assertThat(eks.accessEntries("pro")).isEmpty();

      AwsIdentity dev = new AwsIdentity("arn:aws:sts::111122223333:assumed-role/dev/s",
          "arn:aws:iam::111122223333:role/dev", "111122223333", "AROADEV:s", "AROADEV", "s", "ASIA");
      MappingResult mapped = new IdentityMapper(eks, c -> AwsAuthConfig.EMPTY).map("prod", dev);
      assertThat(mapped).isEqualTo(new MappingResult.Mapped("arn:aws:sts::111122223333:assumed-role/dev/s",
          List.of("devs"), "access entry arn:aws:iam::111122223333:role/ops/dev (STANDARD)"));

      UserInfo user = new UserInfo("arn:aws:sts::111122223333:assumed-role/dev/s", "", List.of("devs"),
          Map.of(EksTokenAuthenticator.EXTRA_AUTHENTICATOR_PRINCIPAL_ID, List.of("AROADEV"),
              EksTokenAuthenticator.EXTRA_CANONICAL_ARN, List.of("arn:aws:iam::111122223333:role/dev")));
      AccessPolicyAuthorizer authorizer = new AccessPolicyAuthorizer(eks, AccessPolicies.load());
      RequestInfo listPods = new RequestInfo("prod", true, "", "list", "api", "", "v1", "", "pods", "", "");
      assertThat(authorizer.authorize(user, listPods).kind()).isEqualTo(Decision.Kind.ALLOW);
      RequestInfo elsewhere = new RequestInfo("staging", true, "", "list", "api", "", "v1", "", "pods", "", "");
      assertThat(authorizer.authorize(user, elsewhere).kind()).isEqualTo(Decision.Kind.NO_OPINION);
    }
  }
}
