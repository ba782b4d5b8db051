package cn.jiandu.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The sentences of the timeline, from templates/timeline.properties (UTF-8), where a person
 * edits their wording without touching Java; whoever writes a timeline entry takes its text
 * here. Arguments are put in as given: a number is not grouped or localised.
 */
public final class TimelineText {

    static final String RESOURCE = "templates/timeline.properties";

    private static final Properties SENTENCES = load();

    private TimelineText() {
    }

    /** The sentence of {@code key} with its {0}, {1} … filled in. */
    public static String text(String key, Object... args) {
        String pattern = SENTENCES.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("No timeline sentence " + key + " in " + RESOURCE);
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] == null ? "null" : args[i].toString();
        }
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }

    /**
     * The sentence of {@code key}, or of {@code key.note} with the person's words when there
     * are any (签收意见 / 签收意见：…).
     */
    public static String withNote(String key, String note) {
        return note == null || note.isBlank() ? text(key) : text(key + ".note", note);
    }

    private static Properties load() {
        Properties sentences = new Properties();
        try (InputStream in = TimelineText.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                sentences.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
