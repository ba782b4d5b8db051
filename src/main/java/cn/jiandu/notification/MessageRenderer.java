package cn.jiandu.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * Renders DingTalk markdown from templates/dingtalk/*.ftl. Every text value of the model is
 * escaped for markdown first, so a problem's title can neither format the message nor
 * smuggle HTML into it; links are the app's own.
 */
@Component
class MessageRenderer {

    private static final Set<String> TRUSTED = Set.of("link", "levelColor");

    private final Configuration freemarker;

    MessageRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setClassForTemplateLoading(MessageRenderer.class, "/templates/dingtalk");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
    }

    String render(String template, Map<String, Object> model) {
        Map<String, Object> safe = new HashMap<>();
        model.forEach((key, value) -> safe.put(key,
                value instanceof String text && !TRUSTED.contains(key) ? escape(text) : value));
        try {
            Template t = freemarker.getTemplate(template + ".ftl");
            StringWriter out = new StringWriter();
            t.process(safe, out);
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("DingTalk template " + template + " failed", e);
        }
    }

    /** Markdown and HTML specials neutralised; line breaks folded to spaces. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append('＜');
                case '>' -> sb.append('＞');
                case '\r', '\n', '\t' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~' -> sb.append('\\').append(c);
                default -> {
                    if (!Character.isISOControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
