/**
 * Coordination among Gatehouse replicas sharing one store: a lease-based leader election
 * ({@link dev.gatehouse.coordination.election.LeaderElection}), singleton work that runs only on the leader
 * ({@link dev.gatehouse.coordination.singleton.Singletons}) and the store's periodic compaction
 * ({@link dev.gatehouse.coordination.compaction.PeriodicCompactor}). Everything is written against the store
 * SPI, so it runs the same over the embedded engine and over etcd.
 */
package dev.gatehouse.coordination;
