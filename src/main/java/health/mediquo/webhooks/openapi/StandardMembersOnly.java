package health.mediquo.webhooks.openapi;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps the served document to the members OpenAPI 3 allows. Payara 6 adds a top-level {@code endpoints} member of its
 * own (the context root and paths of each application), which client generators and linters reject as invalid. Payara
 * keeps it in a field of its model class that no MicroProfile interface reaches, hence the reflection; on other
 * servers the model has no such member and nothing is removed.
 */
public class StandardMembersOnly implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        try {
            Object endpoints = document.getClass().getMethod("getEndpoints").invoke(document);
            if (endpoints instanceof Map<?, ?> members) {
                members.clear();
            }
        } catch (NoSuchMethodException e) {
            // Not Payara's model: it holds only what the OpenAPI interfaces describe.
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot remove the server's non-standard endpoints member", e);
        }
    }
}
