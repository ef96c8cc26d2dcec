package dev.numbers.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR the build just packaged, deployed as it is, plus the MicroProfile Config a scenario needs.
 * Testing the real artifact means the tests see what the images ship.
 */
public final class ApiArchive {

    /** The web module deploys this WAR too, from its own folder, so the path can be given. */
    private static final File WAR = new File(System.getProperty("numbers.api.war", "target/numbers-api.war"));

    private ApiArchive() {
    }

    /**
     * @param name       a name of its own, never one that server.xml deploys (Liberty refuses a clash)
     * @param properties MicroProfile Config lines for this deployment only, e.g. {@code numbers.api.fail-after=3}
     */
    public static WebArchive named(String name, String... properties) {
        if (!WAR.isFile()) {
            throw new IllegalStateException(WAR + " is missing: build numbers-api-war first, e.g. run ./mvnw -B verify from the top");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(WAR).as(WebArchive.class);
        if (properties.length > 0) {
            archive.addAsResource(new StringAsset(String.join("\n", properties) + "\n"), "META-INF/microprofile-config.properties");
        }
        return archive;
    }
}
