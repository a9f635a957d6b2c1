/**
 * The etcd storage engine: {@link dev.gatehouse.store.etcd.EtcdStore} implements the store SPI over an etcd
 * 3.4+ cluster through jetcd, so several Gatehouse replicas can share one store. Open it with
 * {@link dev.gatehouse.store.etcd.EtcdStore#open(String)} and an {@code etcd://host:2379,...} address, or with
 * {@link dev.gatehouse.store.etcd.EtcdStoreOptions}.
 */
package dev.gatehouse.store.etcd;
