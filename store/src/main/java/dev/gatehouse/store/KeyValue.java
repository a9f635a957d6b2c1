package dev.gatehouse.store;

/**
 * One stored key at one revision, shaped like etcd's mvccpb.KeyValue.
 *
 * @param createRevision revision of the write that created this incarnation of the key
 * @param modRevision    revision of the last write to the key
 * @param version        writes since creation (1 after create); reset by a delete
 * @param lease          lease id the key is attached to, 0 for none
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision, long version, long lease) {}
