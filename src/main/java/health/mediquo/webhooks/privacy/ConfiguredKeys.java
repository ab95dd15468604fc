package health.mediquo.webhooks.privacy;

/** Registered keys of one use, held as configured: the current one makes every new value. */
abstract class ConfiguredKeys implements RegisteredKeys {

    private KeyRing keys;

    void use(KeyRing keys) {
        this.keys = keys;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    @Override
    public KeyRing keys() {
        return keys;
    }
}
