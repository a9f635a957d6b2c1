package dev.gatehouse.kube.impersonation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.server.ApiRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Impersonation against a recording authorizer (a fake, not a mock): what is checked, and the identity that results. */
class ImpersonationTest {
  private static final UserInfo REQUESTER = new UserInfo("admin", "", List.of("ops"), Map.of());
  private final List<RequestInfo> checked = new ArrayList<>();

  private UserInfo impersonate(Map<String, List<String>> headers, String deniedResource) {
    Impersonation impersonation = new Impersonation((user, info) -> {
      checked.add(info);
      return info.resource().equals(deniedResource) ? Decision.noOpinion("") : Decision.allow("test");
    });
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(), v));
    ApiRequest request = new ApiRequest("GET", "", "", "/api", Map.of(), lower, new byte[0], List.of(), "/api",
        "127.0.0.1", java.time.Instant.now());
    return impersonation.apply(request, "", REQUESTER);
  }

  @Test
  void serviceAccountsGetTheirGroupsAndAreCheckedInTheirNamespace() {
    UserInfo user = impersonate(Map.of("Impersonate-User", List.of("system:serviceaccount:team:robot")), "");
    assertThat(user.name()).isEqualTo("system:serviceaccount:team:robot");
    assertThat(user.groups()).containsExactly("system:serviceaccounts", "system:serviceaccounts:team",
        "system:authenticated");
    assertThat(checked).singleElement().satisfies(info -> {
      assertThat(info.verb()).isEqualTo("impersonate");
      assertThat(info.resource()).isEqualTo("serviceaccounts");
      assertThat(info.namespace()).isEqualTo("team");
      assertThat(info.name()).isEqualTo("robot");
    });
  }

  @Test
  void everyAttributeIsCheckedInUpstreamOrder() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Impersonate-User", List.of("alice"));
    headers.put("Impersonate-Group", List.of("g1", "g2"));
    headers.put("Impersonate-Extra-Acme.com%2Fproject", List.of("p1"));
    headers.put("Impersonate-Uid", List.of("u1"));
    UserInfo user = impersonate(headers, "");
    assertThat(checked).extracting(i -> i.apiGroup() + "/" + i.resource() + "/" + i.subresource() + ":" + i.name())
        .containsExactly("/users/:alice", "/groups/:g1", "/groups/:g2",
            "authentication.k8s.io/userextras/acme.com/project:p1", "authentication.k8s.io/uids/:u1");
    assertThat(user.extra()).containsEntry("acme.com/project", List.of("p1"));
    assertThat(user.uid()).isEqualTo("u1");
  }

  @Test
  void anonymousGetsUnauthenticated() {
    UserInfo user = impersonate(Map.of("Impersonate-User", List.of("system:anonymous")), "");
    assertThat(user.groups()).containsExactly("system:unauthenticated");
  }

  @Test
  void theFirstRefusalIsForbidden() {
    assertThatThrownBy(() -> impersonate(Map.of("Impersonate-User", List.of("alice"),
        "Impersonate-Group", List.of("admins")), "groups"))
        .isInstanceOfSatisfying(StatusException.class, e -> {
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.getMessage()).isEqualTo("groups \"admins\" is forbidden: User \"admin\" cannot impersonate"
              + " resource \"groups\" in API group \"\" at the cluster scope");
        });
  }

  @Test
  void groupsWithoutAUserAreRefused() {
    assertThatThrownBy(() -> impersonate(Map.of("Impersonate-Group", List.of("admins")), ""))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(500));
    assertThat(checked).isEmpty();
  }
}
