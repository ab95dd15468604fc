package health.mediquo.webhooks.privacy;

import java.util.List;

/**
 * The keyed digests of one body.
 *
 * @param current the digest under the current digest key: the one stored with the body
 * @param recognised the digests under every configured digest key, current first: a row holding any of them holds
 *     this body, whichever key was current when it was stored
 */
public record BodyDigest(String current, List<String> recognised) {}
