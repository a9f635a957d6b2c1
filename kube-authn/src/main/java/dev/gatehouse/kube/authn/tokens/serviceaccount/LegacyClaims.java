package dev.gatehouse.kube.authn.tokens.serviceaccount;

/** The private claims of a legacy Secret-based token. */
record LegacyClaims(String namespace, String serviceAccountName, String serviceAccountUid, String secretName)
        implements PrivateClaims {
    static final String NAMESPACE = "kubernetes.io/serviceaccount/namespace";
    static final String SECRET_NAME = "kubernetes.io/serviceaccount/secret.name";
    static final String SERVICE_ACCOUNT_NAME = "kubernetes.io/serviceaccount/service-account.name";
    static final String SERVICE_ACCOUNT_UID = "kubernetes.io/serviceaccount/service-account.uid";
}
