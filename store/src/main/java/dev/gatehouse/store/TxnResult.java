package dev.gatehouse.store;

import java.util.List;

/**
 * @param succeeded whether the compares held
 * @param revision  the revision the transaction committed at (the current revision when it wrote nothing)
 * @param results   one entry per executed op: the key's value after a Put (new modRevision), before a
 *                  Delete (null when absent), or as read by a Get (null when absent)
 */
public record TxnResult(boolean succeeded, long revision, List<KeyValue> results) {}
