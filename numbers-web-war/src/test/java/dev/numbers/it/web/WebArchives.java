package dev.numbers.it.web;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The WAR the build just packaged, deployed as it is, with a scenario's MicroProfile Config lines added
 * after the WAR's own defaults (the later line wins), so the tests see what the images ship.
 */
final class WebArchives {

    static final int API_PORT = Integer.getInteger("it.api.http.port", 9281);
    static final String API_URL = "http://localhost:" + API_PORT;
    static final String FT = "dev.numbers.web.number.control.RandomNumbers/next/";

    private static final File WAR = new File(System.getProperty("numbers.web.war", "target/numbers-web.war"));
    private static final ArchivePath CONFIG = ArchivePaths.create("/WEB-INF/classes/META-INF/microprofile-config.properties");

    private WebArchives() {
    }

    static WebArchive web(String name, String... properties) {
        if (!WAR.isFile()) {
            throw new IllegalStateException(WAR + " is missing: run the integration tests through 'mvnw verify'");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(WAR).as(WebArchive.class);
        Node defaults = archive.get(CONFIG);
        String config = defaults == null ? "" : read(defaults);
        archive.delete(CONFIG);
        archive.add(new StringAsset(config + "\n# " + name + "\n" + String.join("\n", properties) + "\n"), CONFIG);
        return archive;
    }

    private static String read(Node node) {
        try (InputStream in = node.getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
