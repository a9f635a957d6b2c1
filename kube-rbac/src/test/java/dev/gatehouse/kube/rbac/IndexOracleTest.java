package dev.gatehouse.kube.rbac;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subject index must not change any decision or reason: compare with a plain scan of every binding in
 * order, as upstream's resolver does, over generated policies with colliding subjects and dangling role refs.
 */
class IndexOracleTest {

    @Test
    void indexedDecisionsEqualAFullScan() {
        Random random = new Random(20250401L);
        for (int round = 0; round < 12; round++) {
            SyntheticPolicy p = new SyntheticPolicy(40 + random.nextInt(200), 20 + random.nextInt(40), random, true);
            RbacPolicy policy = RbacPolicy.build(p.roles, p.bindings);
            int allowed = 0;
            for (int i = 0; i < 1500; i++) {
                Attributes request = p.request(random);
                Decision expected = scan(p, request);
                assertThat(policy.authorize(request)).as("%s", request).isEqualTo(expected);
                assertThat(policy.rulesFor(request.user(), request.groups(), request.namespace()).rules())
                        .isEqualTo(scanRules(p, request));
                allowed += expected.allowed() ? 1 : 0;
            }
            assertThat(allowed).as("the generated requests exercise allows").isPositive();
        }
    }

    private static Decision scan(SyntheticPolicy p, Attributes request) {
        List<String> errors = new ArrayList<>();
        for (boolean cluster : new boolean[] {true, false}) {
            if (!cluster && request.namespace().isEmpty()) {
                break;
            }
            for (Binding b : p.bindings) {
                if (cluster != b.isClusterRoleBinding() || (!cluster && !b.namespace().equals(request.namespace()))) {
                    continue;
                }
                int subject = b.firstSubjectFor(request.user(), request.groups());
                if (subject < 0) {
                    continue;
                }
                Role role = find(p, b);
                if (role == null) {
                    errors.add(new ResolutionError.RoleNotFound(b.roleRef().kind(), b.namespace(), b.roleRef().name())
                            .authorizerMessage());
                    continue;
                }
                for (PolicyRule r : role.rules()) {
                    if (r.allows(request)) {
                        return Decision.allow("RBAC: allowed by " + new ResolvedBinding(b, role.rules(), null).describe(subject));
                    }
                }
            }
        }
        return Decision.noOpinion(errors.isEmpty() ? "" : "RBAC: " + GoText.aggregate(errors));
    }

    private static List<PolicyRule> scanRules(SyntheticPolicy p, Attributes request) {
        List<PolicyRule> rules = new ArrayList<>();
        for (boolean cluster : new boolean[] {true, false}) {
            if (!cluster && request.namespace().isEmpty()) {
                break;
            }
            for (Binding b : p.bindings) {
                if (cluster != b.isClusterRoleBinding() || (!cluster && !b.namespace().equals(request.namespace()))) {
                    continue;
                }
                Role role = b.firstSubjectFor(request.user(), request.groups()) < 0 ? null : find(p, b);
                if (role != null) {
                    rules.addAll(role.rules());
                }
            }
        }
        return rules;
    }

    /** The role a binding refers to, by a plain lookup over (namespace or "", name). */
    private static Role find(SyntheticPolicy p, Binding b) {
        Map<String, Role> byKey = ROLES.computeIfAbsent(p, k -> {
            Map<String, Role> m = new HashMap<>();
            k.roles.forEach(r -> m.put(r.namespace() + "/" + r.name(), r));
            return m;
        });
        String ns = b.roleRef().kind().equals("ClusterRole") ? "" : b.namespace();
        return byKey.get(ns + "/" + b.roleRef().name());
    }

    private static final Map<SyntheticPolicy, Map<String, Role>> ROLES = new IdentityHashMap<>();
}
