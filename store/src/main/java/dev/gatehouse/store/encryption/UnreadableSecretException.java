package dev.gatehouse.store.encryption;

import dev.gatehouse.store.StoreException;

/** A sealed value this replica cannot open; the message names the key and why, never any secret bytes. */
public final class UnreadableSecretException extends StoreException {
  private final String storeKey;

  public UnreadableSecretException(String storeKey, String reason) {
    super("cannot decrypt " + storeKey + ": " + reason);
    this.storeKey = storeKey;
  }

  public String storeKey() {
    return storeKey;
  }
}
