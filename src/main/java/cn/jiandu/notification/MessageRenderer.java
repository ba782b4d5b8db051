package cn.jiandu.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import org.springframework.stereotype.Component;

import cn.jiandu.text.Templates;

/**
 * Renders DingTalk markdown from templates/dingtalk/*.ftl. The templates declare the Markdown
 * output format, so every interpolation is escaped: a problem's title can neither format the
 * message nor smuggle HTML or a link into it. Only what the system makes itself (the level's
 * colour, the link to the Tasklist) is printed with {@code ?no_esc}.
 */
@Component
class MessageRenderer {

    private final Configuration freemarker = Templates.configuration();

    String render(String template, Map<String, Object> model) {
        try {
            Template t = freemarker.getTemplate("dingtalk/" + template + ".ftl");
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("DingTalk template " + template + " failed", e);
        }
    }
}
