/**
 * Kubernetes-side work that runs on one replica at a time (the leader of the store-wide election): ClusterRole
 * aggregation and service-account key housekeeping. Per-replica caches (RBAC, OpenAPI, keys) stay on every
 * replica and follow the store's watch instead.
 */
package dev.gatehouse.kube.singleton;
