package cn.jiandu.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.jiandu.text.PlainText;
import cn.jiandu.web.InputError;

/** What a channel's code and an administrator's request for it must be. */
final class ChannelRules {

    static final int MAX_NAME = 100;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,40}");

    private ChannelRules() {
    }

    /** Every error of the code and the request, each naming its field in Chinese; empty when all is well. */
    static List<InputError> errors(String code, ChannelRequest request) {
        List<InputError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(InputError.of("code", "渠道代码须为2至40位大写字母、数字或下划线"));
        }
        if (request == null) {
            errors.add(InputError.of("body", "请求体不能为空"));
            return errors;
        }
        String name = request.name();
        if (name == null || name.isBlank()) {
            errors.add(InputError.of("name", "渠道名称不能为空"));
        } else if (name.strip().length() > MAX_NAME) {
            errors.add(InputError.of("name", "渠道名称最长" + MAX_NAME + "字"));
        } else if (!PlainText.isSingleLine(name)) {
            errors.add(InputError.of("name", "渠道名称不能含换行、控制字符或不完整的字符"));
        }
        if (request.kind() == null || request.kind().isBlank()) {
            errors.add(InputError.of("kind", "渠道类型不能为空，可选值: " + kinds()));
        } else if (kind(request.kind()) == null) {
            errors.add(InputError.of("kind", "渠道类型无效: " + PlainText.printable(request.kind())
                    + "，可选值: " + kinds()));
        }
        return errors;
    }

    /** The channel the request makes of the code (valid input assumed). */
    static Channel channel(String code, ChannelRequest request) {
        boolean active = request.active() == null || request.active();
        SourceKind kind = kind(request.kind());
        boolean callback = request.callback() == null ? kind.callsBackByDefault() : request.callback();
        return new Channel(code, request.name().strip(), kind, active, callback);
    }

    private static SourceKind kind(String name) {
        for (SourceKind kind : SourceKind.values()) {
            if (kind.name().equals(name.strip())) {
                return kind;
            }
        }
        return null;
    }

    private static String kinds() {
        StringBuilder sb = new StringBuilder();
        for (SourceKind kind : SourceKind.values()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(kind.name()).append("（").append(kind.label()).append("）");
        }
        return sb.toString();
    }
}
