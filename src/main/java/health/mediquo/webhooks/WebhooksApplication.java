package health.mediquo.webhooks;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The receiver's JAX-RS application: every resource and provider of the WAR, discovered by the container. */
@ApplicationPath("/")
public class WebhooksApplication extends Application {}
