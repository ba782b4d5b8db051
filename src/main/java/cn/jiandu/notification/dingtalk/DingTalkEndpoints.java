package cn.jiandu.notification.dingtalk;

/**
 * Where DingTalkClient sends its calls: DingTalk's hosts from DingTalkProperties, or the fake's
 * address when FakeDingTalkLauncher overrides this bean.
 */
record DingTalkEndpoints(String oapiBaseUrl, String apiBaseUrl) {

    DingTalkEndpoints {
        oapiBaseUrl = withoutTrailingSlash(oapiBaseUrl);
        apiBaseUrl = withoutTrailingSlash(apiBaseUrl);
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
