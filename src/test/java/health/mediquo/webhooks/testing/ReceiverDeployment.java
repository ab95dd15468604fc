package health.mediquo.webhooks.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test: the one the build packaged, exactly as it ships. */
public final class ReceiverDeployment {

    public static final String NAME = "mediquo-webhooks.war";

    private ReceiverDeployment() {}

    public static WebArchive packagedWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/" + NAME));
    }
}
