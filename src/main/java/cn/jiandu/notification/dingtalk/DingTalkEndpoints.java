package cn.jiandu.notification.dingtalk;

/**
 * Where DingTalkClient sends its calls: DingTalk's hosts from DingTalkProperties, or the fake's
 * address when the fake's launcher (cn.jiandu.fakedingtalk) overrides this bean.
 */
public record DingTalkEndpoints(String oapiBaseUrl, String apiBaseUrl) {

    public DingTalkEndpoints {
        oapiBaseUrl = withoutTrailingSlash(oapiBaseUrl);
        apiBaseUrl = withoutTrailingSlash(apiBaseUrl);
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
