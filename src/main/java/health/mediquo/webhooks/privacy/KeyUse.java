package health.mediquo.webhooks.privacy;

/** What a key ring's keys are for, and where their configuration lives. */
enum KeyUse {
    SEALING("mediquo.encryption", "data encryption key", "reports are never stored unencrypted", "AES"),
    BODY_DIGESTS("mediquo.digest", "body digest key", "a body is never stored with an unkeyed digest", "HmacSHA256"),
    AUDIT("mediquo.audit", "audit key", "the audit trail is never written unchained", "HmacSHA256");

    private final String prefix;
    private final String name;
    private final String whyRequired;
    private final String algorithm;

    KeyUse(String prefix, String name, String whyRequired, String algorithm) {
        this.prefix = prefix;
        this.name = name;
        this.whyRequired = whyRequired;
        this.algorithm = algorithm;
    }

    /** The Java Cryptography Architecture's name for the algorithm the keys are used with. */
    String algorithm() {
        return algorithm;
    }

    /** The property that lists the key ids, the current one first. */
    String idsProperty() {
        return prefix + ".keys";
    }

    String keyProperty(String id) {
        return prefix + ".key." + id;
    }

    String keyName() {
        return name;
    }

    String whyRequired() {
        return whyRequired;
    }
}
