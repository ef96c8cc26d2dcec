package dev.numbers.web.settings;

import java.util.logging.Logger;

/**
 * A true-or-false setting. Anything else is reported in one log line and the default is kept, as
 * {@link BoundedNumber} does for numbers: a typo must not stop the web, nor switch on what it did not name.
 */
public final class Switch {

    private static final Logger LOG = Logger.getLogger(Switch.class.getName());

    private Switch() {
    }

    public static boolean parse(String key, String text, boolean fallback) {
        String value = text == null ? "" : text.trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        LOG.warning(key + " must be true or false, not '" + text + "': using " + fallback);
        return fallback;
    }
}
