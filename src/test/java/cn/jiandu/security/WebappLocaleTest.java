package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the Simplified Chinese translation of the Camunda 7.24 webapps.
 *
 * <p>For every app shipped in camunda-webapp-webjar ({@code locales/en.json}) our
 * {@code locales/zh.json} at the same classpath path must translate every key, and the app's
 * {@code scripts/config.js} override must make {@code zh} the only available and the fallback
 * locale, so that browsers of any language (e.g. en-US) get Chinese.
 */
class WebappLocaleTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** angular-translate interpolations ({{name}}) and moment.js relative time tokens (%d, %s). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[ds]");

  /** Any letter: English values without letters (operators, empty strings) are trivial. */
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  /** English values that legitimately stay identical in Chinese. */
  private static final Set<String> IDENTICAL_VALUES_ALLOWED =
      Set.of(
          "Camunda", // vendor/product name (APP_VENDOR)
          "Optimize", // Camunda product name, used as authorization resource type
          "ID", // "ID" is the usual term in Chinese software
          "ID*", // required-field label "ID" with the required marker
          "CSV", // file format name (report download)
          "JSON"); // file format name (report download)

  /** Keys whose values are moment.js format patterns and identical in Chinese. */
  private static final Set<String> IDENTICAL_KEYS_ALLOWED =
      Set.of(
          "dateLocales.longDateFormat.LT", // "HH:mm"
          "dateLocales.calendar.sameElse"); // "L"

  /**
   * English values for which an empty Chinese value is correct: the empty string itself
   * (tasklist NO_TASK_FORM) and the plural suffix "s" (PLGN_*_S), which has no Chinese equivalent.
   */
  private static final Set<String> BLANK_ALLOWED_FOR_ENGLISH = Set.of("", "s");

  /** The apps with a locales/en.json in camunda-webapp-webjar 7.24.0. */
  static Stream<String> apps() {
    return Stream.of("admin", "cockpit", "tasklist", "welcome");
  }

  @ParameterizedTest
  @MethodSource("apps")
  void shouldContainExactlyTheEnglishKeys(String app) {
    Map<String, JsonNode> english = englishLocale(app);
    Map<String, JsonNode> chinese = chineseLocale(app);

    assertThat(english).as("English locale of %s", app).isNotEmpty();
    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(chinese.keySet());
    Set<String> unknown = new TreeSet<>(chinese.keySet());
    unknown.removeAll(english.keySet());
    assertThat(missing).as("English keys missing in %s zh.json", app).isEmpty();
    assertThat(unknown).as("keys in %s zh.json that en.json does not have", app).isEmpty();

    List<String> typeMismatches = new ArrayList<>();
    english.forEach(
        (key, value) -> {
          JsonNode translated = chinese.get(key);
          if (translated != null && translated.getNodeType() != value.getNodeType()) {
            typeMismatches.add(key);
          }
        });
    assertThat(typeMismatches).as("values of %s zh.json with a different JSON type", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("apps")
  void shouldHaveNonBlankChineseValues(String app) {
    Map<String, JsonNode> chinese = chineseLocale(app);
    List<String> blank = new ArrayList<>();
    englishLocale(app)
        .forEach(
            (key, value) -> {
              JsonNode translated = chinese.get(key);
              if (value.isTextual()
                  && !BLANK_ALLOWED_FOR_ENGLISH.contains(value.asText())
                  && (translated == null || translated.asText().isBlank())) {
                blank.add(key);
              }
            });
    assertThat(blank).as("blank values in %s zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("apps")
  void shouldNotKeepEnglishValues(String app) {
    Map<String, JsonNode> chinese = chineseLocale(app);
    List<String> untranslated = new ArrayList<>();
    englishLocale(app)
        .forEach(
            (key, value) -> {
              JsonNode translated = chinese.get(key);
              if (value.isTextual()
                  && translated != null
                  && isNonTrivial(key, value.asText())
                  && value.asText().equals(translated.asText())) {
                untranslated.add(key + " = " + value.asText());
              }
            });
    assertThat(untranslated).as("untranslated values in %s zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("apps")
  void shouldKeepPlaceholders(String app) {
    Map<String, JsonNode> chinese = chineseLocale(app);
    List<String> missing = new ArrayList<>();
    englishLocale(app)
        .forEach(
            (key, value) -> {
              JsonNode translated = chinese.get(key);
              if (!value.isTextual() || translated == null) {
                return;
              }
              Matcher matcher = PLACEHOLDER.matcher(value.asText());
              while (matcher.find()) {
                if (!translated.asText().contains(matcher.group())) {
                  missing.add(key + ": " + matcher.group());
                }
              }
            });
    assertThat(missing).as("placeholders missing in %s zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("apps")
  void shouldUseChineseAsDefaultLocaleInConfig(String app) {
    // The first config.js on the classpath is the one the Spring Boot starter serves.
    String config = stripComments(readString(APP_ROOT + app + "/scripts/config.js"));

    assertThat(config)
        .as("%s config.js fallbackLocale", app)
        .containsPattern("fallbackLocale\\s*:\\s*['\"]zh['\"]");

    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(config);
    assertThat(available.find()).as("%s config.js declares availableLocales", app).isTrue();
    // Only the browser's base language is matched against availableLocales; listing 'en' would
    // show English to en-* browsers instead of falling back to Chinese.
    assertThat(available.group(1))
        .as("%s config.js availableLocales", app)
        .containsPattern("['\"]zh['\"]")
        .doesNotContainPattern("['\"]en['\"]");
  }

  private static boolean isNonTrivial(String key, String englishValue) {
    return LETTER.matcher(englishValue).find()
        && !IDENTICAL_VALUES_ALLOWED.contains(englishValue)
        && !IDENTICAL_KEYS_ALLOWED.contains(key);
  }

  private static Map<String, JsonNode> englishLocale(String app) {
    return flatten(readJson(APP_ROOT + app + "/locales/en.json"));
  }

  private static Map<String, JsonNode> chineseLocale(String app) {
    return flatten(readJson(APP_ROOT + app + "/locales/zh.json"));
  }

  /** Flattens objects to dotted keys and arrays to indexed keys, e.g. {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static JsonNode readJson(String resource) {
    try {
      // byte input: Jackson detects the encoding and skips the UTF-8 BOM of Camunda's en.json
      return MAPPER.readTree(readBytes(resource));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse " + resource, e);
    }
  }

  private static String readString(String resource) {
    return new String(readBytes(resource), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(String resource) {
    try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** Removes block comments and whole-line comments (the shipped examples are commented out). */
  private static String stripComments(String javascript) {
    return javascript.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
