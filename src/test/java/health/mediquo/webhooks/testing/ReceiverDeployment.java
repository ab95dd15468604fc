package health.mediquo.webhooks.testing;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test: the one the build packaged, exactly as it ships. */
public final class ReceiverDeployment {

    public static final String NAME = "mediquo-webhooks.war";

    /** Above system properties (400) and environment variables (300), where the suite's settings come from. */
    private static final int OVERRIDING_ORDINAL = 500;

    private static final String CONTEXT_ROOT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <glassfish-web-app><context-root>/mediquo-webhooks</context-root></glassfish-web-app>
            """;

    private ReceiverDeployment() {}

    public static WebArchive packagedWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(packagedWarPath()));
    }

    /** Where the build put the WAR, for servers a test starts itself. */
    public static String packagedWarPath() {
        return new File("target/" + NAME).getAbsolutePath();
    }

    /**
     * The packaged WAR with settings that outrank the server's, as an operator would configure them. Arquillian needs a
     * distinct archive name per deployment of a test class; the context root stays that of the packaged WAR.
     */
    public static WebArchive packagedWarConfiguredWith(String variant, Map<String, String> settings) {
        String properties = settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining("\n", "config_ordinal=" + OVERRIDING_ORDINAL + "\n", "\n"));
        return ShrinkWrap.create(WebArchive.class, "mediquo-webhooks-" + variant + ".war")
                .merge(packagedWar())
                .addAsWebInfResource(new StringAsset(CONTEXT_ROOT), "glassfish-web.xml")
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
                        .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties"));
    }
}
