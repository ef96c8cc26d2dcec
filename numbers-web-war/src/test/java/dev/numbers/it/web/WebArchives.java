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
 * The WARs the build just packaged, deployed as they are, with a scenario's MicroProfile Config lines
 * added after the WAR's own defaults (the later line wins), so the tests see what the images ship.
 */
final class WebArchives {

    static final int API_PORT = Integer.getInteger("it.api.http.port", 9281);
    static final String API_URL = "http://localhost:" + API_PORT;
    /** The web's server, for tests that deploy its archive themselves (no URL is injected then). */
    static final String WEB_URL = "http://localhost:" + Integer.getInteger("it.http.port", 9280) + "/";
    static final String FT = "dev.numbers.web.number.control.RandomNumbers/next/";

    private static final File WEB_WAR = new File(System.getProperty("numbers.web.war", "target/numbers-web.war"));
    private static final File API_WAR = new File(System.getProperty("numbers.api.war", "../numbers-api-war/target/numbers-api.war"));
    private static final ArchivePath CONFIG = ArchivePaths.create("/WEB-INF/classes/META-INF/microprofile-config.properties");

    private WebArchives() {
    }

    static WebArchive web(String name, String... properties) {
        return deployable(WEB_WAR, name, properties);
    }

    /** @param name a name of its own, never one that server.xml deploys (Liberty refuses a clash) */
    static WebArchive api(String name, String... properties) {
        return deployable(API_WAR, name, properties);
    }

    private static WebArchive deployable(File war, String name, String... properties) {
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: build both WARs first, e.g. ./mvnw -B verify from the top folder");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(war).as(WebArchive.class);
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
