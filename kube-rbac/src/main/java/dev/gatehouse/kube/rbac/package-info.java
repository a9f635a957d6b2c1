/**
 * Kubernetes RBAC as kube-apiserver 1.32 does it, as a pure library (no I/O but reading its bundled bootstrap
 * files). Behaviour and message texts follow upstream: {@code plugin/pkg/auth/authorizer/rbac/rbac.go},
 * {@code pkg/registry/rbac/validation/rule.go}, {@code pkg/apis/rbac/v1/evaluation_helpers.go},
 * {@code pkg/registry/rbac/escalation_check.go}, component-helpers' {@code policy_comparator.go} and
 * {@code reconciliation}, and {@code pkg/controller/clusterroleaggregation}.
 *
 * <ul>
 *   <li>Model: {@link dev.gatehouse.kube.rbac.PolicyRule}, {@link dev.gatehouse.kube.rbac.Role},
 *       {@link dev.gatehouse.kube.rbac.Binding} read from stored JSON.</li>
 *   <li>{@link dev.gatehouse.kube.rbac.RbacPolicy}: an immutable, subject-indexed snapshot answering
 *       {@code authorize}, {@code rulesFor}, {@code subjectRules} and {@code roleReferenceRules}.</li>
 *   <li>{@link dev.gatehouse.kube.rbac.Escalation} and {@link dev.gatehouse.kube.rbac.Covers}: escalation
 *       prevention for role and binding writes.</li>
 *   <li>{@link dev.gatehouse.kube.rbac.Aggregation}: the rules of aggregated ClusterRoles.</li>
 *   <li>{@link dev.gatehouse.kube.rbac.BootstrapPolicy} and {@link dev.gatehouse.kube.rbac.Reconciler}: the default
 *       roles and bindings and their start-up reconciliation.</li>
 * </ul>
 */
package dev.gatehouse.kube.rbac;
